package io.polyglot.app.web;

import io.polyglot.app.problem.ProblemWriter;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The HTTP edge's own beans: strict JSON for strings, the problem writer for filters and
 * the body size cap.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HttpProperties.class)
public class WebConfiguration {

	/**
	 * {@code allow-coercion-of-scalars} does not cover strings: without this, {@code 123}
	 * or {@code true} would be read as the text "123" or "true" for a string field.
	 */
	@Bean
	JsonMapperBuilderCustomizer noScalarToStringCoercion() {
		return (builder) -> builder.withCoercionConfig(LogicalType.Textual,
				(config) -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
					.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
					.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
	}

	/**
	 * A quantity of {@code 1.5} or {@code 1e3} must be refused, not truncated or read as
	 * an integer: the client did not send an integer.
	 */
	@Bean
	JsonMapperBuilderCustomizer noFloatToIntegerCoercion() {
		return (builder) -> builder.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.withCoercionConfig(LogicalType.Integer,
					(config) -> config.setCoercion(CoercionInputShape.Float, CoercionAction.Fail));
	}

	/** Request text must be valid Unicode (see {@link WellFormedText}). */
	@Bean
	JacksonModule wellFormedText() {
		return WellFormedText.module();
	}

	@Bean
	ProblemWriter problemWriter(JsonMapper jsonMapper) {
		return new ProblemWriter(jsonMapper);
	}

	@Bean
	FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(HttpProperties properties,
			ProblemWriter problems) {
		FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(
				new RequestBodyLimitFilter(properties.maxRequestBody().toBytes(), problems));
		// before security and everything else: an oversized body costs no session look-up
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

}
