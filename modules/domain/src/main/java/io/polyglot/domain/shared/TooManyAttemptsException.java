package io.polyglot.domain.shared;

import java.time.Duration;
import java.util.Objects;

/**
 * Too many failed attempts in a short time: the caller must wait {@link #retryAfter()}
 * before trying again (429).
 */
public final class TooManyAttemptsException extends DomainException {

	private final Duration retryAfter;

	public TooManyAttemptsException(Duration retryAfter) {
		super("Too many failed attempts; try again later.");
		this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
	}

	/** How long the caller must wait. */
	public Duration retryAfter() {
		return this.retryAfter;
	}

	/**
	 * The wait in whole seconds, rounded up and at least one, as HTTP's
	 * {@code Retry-After} wants it.
	 */
	public long retryAfterSeconds() {
		long seconds = this.retryAfter.getSeconds() + ((this.retryAfter.getNano() > 0) ? 1 : 0);
		return Math.max(1, seconds);
	}

}
