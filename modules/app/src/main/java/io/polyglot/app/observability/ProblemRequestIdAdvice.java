package io.polyglot.app.observability;

import io.polyglot.app.problem.RequestId;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Adds the request id to every problem body Spring MVC writes (the exception advice and
 * the error controller alike); the filters' problems get it from
 * {@link io.polyglot.app.problem.ProblemWriter}.
 */
@ControllerAdvice
class ProblemRequestIdAdvice implements ResponseBodyAdvice<Object> {

	@Override
	public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public @Nullable Object beforeBodyWrite(@Nullable Object body, MethodParameter returnType,
			MediaType selectedContentType, Class<? extends HttpMessageConverter<?>> selectedConverterType,
			ServerHttpRequest request, ServerHttpResponse response) {
		if (body instanceof ProblemDetail problem) {
			String id = RequestId.current();
			if (id != null) {
				problem.setProperty(RequestId.PROPERTY, id);
			}
		}
		return body;
	}

}
