package io.polyglot.app.observability;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Request ids and per-store operation metrics. */
@Configuration(proxyBeanMethods = false)
public class ObservabilityConfiguration {

	/**
	 * Static: a post-processor must exist before the beans it decorates; the registry is
	 * looked up on the first timed call.
	 */
	@Bean
	static PortMetrics portMetrics(ObjectProvider<MeterRegistry> registry) {
		return new PortMetrics(registry);
	}

	@Bean
	FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
		FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
		// first of all: the body limit, security and every log line after it know the id
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		registration.setDispatcherTypes(jakarta.servlet.DispatcherType.REQUEST, jakarta.servlet.DispatcherType.ERROR,
				jakarta.servlet.DispatcherType.ASYNC);
		return registration;
	}

}
