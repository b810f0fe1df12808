package io.polyglot.app.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.polyglot.domain.shared.BusinessRuleException;
import io.polyglot.domain.shared.ConflictException;
import io.polyglot.domain.shared.NotFoundException;
import io.polyglot.domain.shared.StoreUnavailableException;
import io.polyglot.domain.shared.ValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Maps every failure to RFC 9457 problem+json: domain exceptions to 400/404/409/422/503,
 * framework errors (unreadable JSON, wrong method, unknown path) through Spring's own
 * handler.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	/** Base of the {@code type} URIs of our problems. */
	public static final String PROBLEM_BASE = "https://polyglot.example/problems/";

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	@ExceptionHandler
	ProblemDetail validation(ValidationException ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation", "Invalid request", ex.getMessage());
		List<Map<String, String>> errors = ex.errors()
			.stream()
			.map((error) -> Map.of("field", error.field(), "message", error.message()))
			.toList();
		problem.setProperty("errors", errors);
		return problem;
	}

	@ExceptionHandler
	ProblemDetail notFound(NotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail conflict(ConflictException ex) {
		return problem(HttpStatus.CONFLICT, "conflict", "Conflict", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail businessRule(BusinessRuleException ex) {
		return problem(HttpStatus.UNPROCESSABLE_ENTITY, "business-rule", "Request refused", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail storeUnavailable(StoreUnavailableException ex) {
		log.warn("Store {} unavailable: {}", ex.store(), ex.getMessage());
		ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable", "Store unavailable",
				"The " + ex.store() + " store is unavailable; try again later.");
		problem.setProperty("store", ex.store());
		return problem;
	}

	private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(PROBLEM_BASE + type));
		problem.setTitle(title);
		return problem;
	}

}
