package io.polyglot.app.web;

import org.apache.tomcat.util.buf.EncodedSolidusHandling;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Lets an encoded slash or backslash ({@code %2F}, {@code %5C}) in a path reach Spring
 * Security's firewall, which refuses it with a 400 that the service renders as
 * problem+json. Left to Tomcat, the same request is refused one layer earlier with an
 * HTML error page, outside every error handler of the service. Either way such a request
 * is refused: nothing is decoded into a path.
 */
@Configuration(proxyBeanMethods = false)
public class EncodedSlashesConfiguration {

	@Bean
	TomcatConnectorCustomizer encodedSlashesToTheFirewall() {
		return (connector) -> {
			connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
			connector.setEncodedReverseSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
		};
	}

}
