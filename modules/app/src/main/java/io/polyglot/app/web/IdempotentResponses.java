package io.polyglot.app.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;

import io.polyglot.domain.idempotency.Idempotency;
import io.polyglot.domain.idempotency.IdempotencyKey;
import io.polyglot.domain.idempotency.StoredResponse;
import io.polyglot.domain.shared.CustomerId;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ResolvableType;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The HTTP side of idempotency keys, shared by every keyed endpoint: fingerprints the
 * request, runs it through {@link Idempotency}, and answers with the first response
 * (marked {@code Idempotent-Replayed: true} on a replay). The first response is stored as
 * its JSON; a replay reads it back as the body type the endpoint declares
 * ({@code ResponseEntity<TransferResponse>}), so both answers are the same typed body,
 * written by the same converter, and the document describes them as one schema.
 */
@Component
public class IdempotentResponses {

	/** Set on a response that replays the first response to the same key. */
	public static final String REPLAYED_HEADER = "Idempotent-Replayed";

	private final Idempotency idempotency;

	private final JsonMapper json;

	public IdempotentResponses(Idempotency idempotency, JsonMapper json) {
		this.idempotency = idempotency;
		this.json = json;
	}

	/**
	 * Runs the request once per key.
	 * @param operation names the endpoint, for example "POST /transfers"
	 * @param request the request as received; its JSON form is the fingerprint, so the
	 * same key with a different body is refused
	 * @param work makes the change and returns the response body
	 */
	public <T> ResponseEntity<T> once(CustomerId caller, @Nullable String keyHeader, String operation, Object request,
			HttpStatus status, Supplier<T> work) {
		IdempotencyKey key = IdempotencyKey.of(caller, keyHeader);
		String fingerprint = sha256(operation + "\n" + this.json.writeValueAsString(request));
		Object[] fresh = new Object[1];
		Idempotency.Outcome outcome = this.idempotency.execute(key, fingerprint, () -> {
			fresh[0] = work.get();
			return new StoredResponse(status.value(), this.json.writeValueAsString(fresh[0]));
		});
		ResponseEntity.BodyBuilder response = ResponseEntity.status(outcome.response().status())
			.contentType(MediaType.APPLICATION_JSON);
		if (outcome.replayed()) {
			response.header(REPLAYED_HEADER, "true");
		}
		@SuppressWarnings("unchecked")
		T body = (!outcome.replayed() && fresh[0] != null) ? (T) fresh[0]
				: (T) this.json.readValue(outcome.response().body(), declaredBodyType());
		return response.body(body);
	}

	/**
	 * The {@code T} of the handler's {@code ResponseEntity<T>}: the type a stored
	 * response is read back as.
	 */
	private static Class<?> declaredBodyType() {
		Object handler = RequestContextHolder.currentRequestAttributes()
			.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
		if (handler instanceof HandlerMethod method) {
			Class<?> type = ResolvableType.forMethodReturnType(method.getMethod()).getGeneric(0).resolve();
			if (type != null) {
				return type;
			}
		}
		throw new IllegalStateException("an idempotent endpoint declares ResponseEntity<its body type>");
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JDK has SHA-256", ex);
		}
	}

}
