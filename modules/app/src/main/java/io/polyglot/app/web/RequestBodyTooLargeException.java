package io.polyglot.app.web;

import java.io.IOException;

/**
 * Thrown by the bounded request stream once a body without a declared length grows past
 * the limit.
 */
public final class RequestBodyTooLargeException extends IOException {

	private final long limit;

	RequestBodyTooLargeException(long limit) {
		super("request body larger than " + limit + " bytes");
		this.limit = limit;
	}

	/** The limit that was passed, in bytes. */
	public long limit() {
		return this.limit;
	}

}
