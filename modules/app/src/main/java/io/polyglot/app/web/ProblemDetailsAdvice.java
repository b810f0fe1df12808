package io.polyglot.app.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.polyglot.app.problem.Problems;
import io.polyglot.domain.shared.BusinessRuleException;
import io.polyglot.domain.shared.ConflictException;
import io.polyglot.domain.shared.InvalidCredentialsException;
import io.polyglot.domain.shared.NotFoundException;
import io.polyglot.domain.shared.StoreUnavailableException;
import io.polyglot.domain.shared.TooManyAttemptsException;
import io.polyglot.domain.shared.ValidationException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Maps every failure to RFC 9457 problem+json: domain exceptions to
 * 400/401/404/409/422/429/503, framework errors (unreadable JSON, wrong media type or
 * method, unknown path) through Spring's own handler.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	/** Base of the {@code type} URIs of our problems. */
	public static final String PROBLEM_BASE = Problems.TYPE_BASE;

	private static final URI ABOUT_BLANK = URI.create("about:blank");

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	@ExceptionHandler
	ProblemDetail validation(ValidationException ex) {
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation", "Invalid request", ex.getMessage());
		problem.setProperty("errors",
				ex.errors()
					.stream()
					.map((error) -> Map.of("field", error.field(), "message", error.message()))
					.toList());
		return problem;
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalidCredentials(InvalidCredentialsException ex) {
		// RFC 9110 wants a challenge on every 401
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
			.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
			.body(Problems.of(HttpStatus.UNAUTHORIZED, "invalid-credentials", "Unauthorized", ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> tooManyAttempts(TooManyAttemptsException ex) {
		long seconds = ex.retryAfterSeconds();
		ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-attempts", "Too many attempts",
				"Too many failed logins; try again in " + seconds + " seconds.");
		problem.setProperty("retryAfterSeconds", seconds);
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
			.body(problem);
	}

	@ExceptionHandler
	ProblemDetail notFound(NotFoundException ex) {
		return Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail conflict(ConflictException ex) {
		return Problems.of(HttpStatus.CONFLICT, "conflict", "Conflict", ex.getMessage());
	}

	/**
	 * A constraint the adapter did not translate: still the client's conflict, never a
	 * bare 500.
	 */
	@ExceptionHandler
	ProblemDetail integrityViolation(DataIntegrityViolationException ex) {
		log.warn("Untranslated integrity violation: {}", ex.getMostSpecificCause().getMessage());
		return Problems.of(HttpStatus.CONFLICT, "conflict", "Conflict",
				"The request conflicts with data already stored.");
	}

	@ExceptionHandler
	ProblemDetail businessRule(BusinessRuleException ex) {
		return Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "business-rule", "Request refused", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail storeUnavailable(StoreUnavailableException ex) {
		log.warn("Store {} unavailable: {}", ex.store(), ex.getMessage());
		ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable", "Store unavailable",
				"The " + ex.store() + " store is unavailable; try again later.");
		problem.setProperty("store", ex.store());
		return problem;
	}

	/**
	 * A store failure that reached the web layer untranslated (outside every port call,
	 * which the store bulkheads translate): still an outage, answered 503, never 500.
	 */
	@ExceptionHandler({ DataAccessResourceFailureException.class, QueryTimeoutException.class,
			TransientDataAccessResourceException.class, RecoverableDataAccessException.class,
			CannotCreateTransactionException.class, TransactionSystemException.class })
	ProblemDetail untranslatedOutage(Exception ex) {
		log.warn("Store unavailable (untranslated {}): {}", ex.getClass().getSimpleName(), ex.getMessage());
		return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable", "Store unavailable",
				"A store the request needs is unavailable; try again later.");
	}

	/**
	 * Says which field was wrong instead of Spring's generic "Failed to read request";
	 * never echoes the input, which may be huge or hostile.
	 */
	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		RequestBodyTooLargeException tooLarge = causedBy(ex, RequestBodyTooLargeException.class);
		if (tooLarge != null) {
			HttpHeaders closing = new HttpHeaders();
			closing.set(HttpHeaders.CONNECTION, "close");
			return handleExceptionInternal(ex, RequestBodyLimitFilter.tooLarge(tooLarge.limit()), closing,
					HttpStatus.CONTENT_TOO_LARGE, request);
		}
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "unreadable-body", "Unreadable request body",
				"The request body must be a JSON object with the documented fields.");
		UnrecognizedPropertyException unknown = causedBy(ex, UnrecognizedPropertyException.class);
		MismatchedInputException mismatched = causedBy(ex, MismatchedInputException.class);
		InvalidFormatException invalid = causedBy(ex, InvalidFormatException.class);
		if (invalid != null && WellFormedText.isIllFormedText(invalid)) {
			problem.setProperty("errors", List.of(fieldError(invalid, "must be valid Unicode text")));
		}
		else if (unknown != null) {
			problem.setProperty("errors", List.of(fieldError(unknown, "is not a known field")));
		}
		else if (mismatched != null && !mismatched.getPath().isEmpty()) {
			problem.setProperty("errors", List.of(fieldError(mismatched, "has the wrong type")));
		}
		else if (causedBy(ex, StreamReadException.class) != null) {
			problem.setDetail("The request body is not valid JSON.");
		}
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	/**
	 * An unknown path: a clean 404 instead of Spring's "No static resource api/v1/...",
	 * which speaks of files the service does not serve.
	 */
	@Override
	protected @Nullable ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return handleExceptionInternal(ex,
				Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", "No endpoint at this path."), headers,
				HttpStatus.NOT_FOUND, request);
	}

	/**
	 * Gives Spring's own problems (404, 405, 415, ...) a {@code type} of ours, so every
	 * problem carries the type, title, status and detail of the API contract.
	 */
	@Override
	protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		if (body instanceof ProblemDetail problem
				&& (problem.getType() == null || ABOUT_BLANK.equals(problem.getType()))) {
			HttpStatus status = HttpStatus.resolve(statusCode.value());
			if (status != null) {
				problem.setType(Problems.typeFor(status));
			}
		}
		return super.createResponseEntity(body, headers, statusCode, request);
	}

	private static Map<String, String> fieldError(JacksonException ex, String message) {
		StringBuilder field = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				if (!field.isEmpty()) {
					field.append('.');
				}
				field.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				field.append('[').append(reference.getIndex()).append(']');
			}
		}
		// property names come from the client: cap them so a 50,000-character key is not
		// sent back
		String name = (field.length() > 64) ? field.substring(0, 64) + "..." : field.toString();
		return Map.of("field", name.isEmpty() ? "body" : name, "message", message);
	}

	private static <T extends Throwable> @Nullable T causedBy(Throwable ex, Class<T> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return null;
	}

}
