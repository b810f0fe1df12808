package io.polyglot.domain.idempotency;

import java.util.Objects;

/** The first response to a keyed request, kept to answer its retries: status and body. */
public record StoredResponse(int status, String body) {

	public StoredResponse {
		Objects.requireNonNull(body, "body");
		if (status < 200 || status > 299) {
			throw new IllegalArgumentException("only successful responses are stored");
		}
	}

}
