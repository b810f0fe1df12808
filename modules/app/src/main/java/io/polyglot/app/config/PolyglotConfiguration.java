package io.polyglot.app.config;

import io.polyglot.domain.shared.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service-wide settings ({@code polyglot.*}, such as the currency) and the clock that
 * every context's use cases read; the domain itself is never component-scanned, each
 * context's configuration wires its use cases explicitly.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PolyglotProperties.class)
public class PolyglotConfiguration {

	@Bean
	Clock domainClock() {
		return Clock.system();
	}

}
