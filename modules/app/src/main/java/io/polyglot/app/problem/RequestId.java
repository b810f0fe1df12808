package io.polyglot.app.problem;

import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * The id of the request being served: returned in the {@value #HEADER} header, put in
 * every log line (MDC key {@value #MDC_KEY}) and in every problem body (property
 * {@value #PROPERTY}), so a client's error report leads straight to the service's logs.
 */
public final class RequestId {

	/**
	 * The header a client may send (a proxy's id is kept) and the service always returns.
	 */
	public static final String HEADER = "X-Request-Id";

	/** The MDC key the logs carry it under. */
	public static final String MDC_KEY = "requestId";

	/** The problem+json property that carries it. */
	public static final String PROPERTY = "requestId";

	private RequestId() {
	}

	/** The id of the request this thread serves, if any. */
	public static @Nullable String current() {
		return MDC.get(MDC_KEY);
	}

}
