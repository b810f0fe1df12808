package io.polyglot.app.observability;

import java.util.List;
import java.util.Locale;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/** Request ids and per-store operation metrics. */
@Configuration(proxyBeanMethods = false)
public class ObservabilityConfiguration {

	/**
	 * Static: a post-processor must exist before the beans it decorates; the registry is
	 * looked up on the first timed call.
	 */
	@Bean
	static PortMetrics portMetrics(ObjectProvider<MeterRegistry> registry, Environment environment) {
		List<String> ports = Binder.get(environment)
			.bind("polyglot.metrics.histogram-ports", Bindable.listOf(String.class))
			.orElse(DEFAULT_HISTOGRAM_PORTS);
		return new PortMetrics(registry,
				ports.stream()
					.map((port) -> port.strip().toLowerCase(Locale.ROOT))
					.collect(java.util.stream.Collectors.toSet()));
	}

	/**
	 * The ports on the request path of nearly every call, given latency buckets by
	 * default.
	 */
	static final List<String> DEFAULT_HISTOGRAM_PORTS = List.of("Sessions", "LoginThrottle", "Accounts", "Catalog",
			"Stock", "SocialGraph", "IdempotencyKeys", "Customers");

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
