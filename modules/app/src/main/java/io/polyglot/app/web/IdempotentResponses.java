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

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The HTTP side of idempotency keys, shared by every keyed endpoint: fingerprints the
 * request, runs it through {@link Idempotency}, and answers with the stored JSON of the
 * first response (marked {@code Idempotent-Replayed: true} on a replay).
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
	public ResponseEntity<String> once(CustomerId caller, @Nullable String keyHeader, String operation, Object request,
			HttpStatus status, Supplier<Object> work) {
		IdempotencyKey key = IdempotencyKey.of(caller, keyHeader);
		String fingerprint = sha256(operation + "\n" + this.json.writeValueAsString(request));
		Idempotency.Outcome outcome = this.idempotency.execute(key, fingerprint,
				() -> new StoredResponse(status.value(), this.json.writeValueAsString(work.get())));
		ResponseEntity.BodyBuilder response = ResponseEntity.status(outcome.response().status())
			.contentType(MediaType.APPLICATION_JSON);
		if (outcome.replayed()) {
			response.header(REPLAYED_HEADER, "true");
		}
		return response.body(outcome.response().body());
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
