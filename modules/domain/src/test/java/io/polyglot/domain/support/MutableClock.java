package io.polyglot.domain.support;

import java.time.Duration;
import java.time.Instant;

import io.polyglot.domain.shared.Clock;

/** A clock the test moves by hand. */
public final class MutableClock implements Clock {

	private Instant now;

	public MutableClock(Instant start) {
		this.now = start;
	}

	@Override
	public Instant now() {
		return this.now;
	}

	public void advance(Duration duration) {
		this.now = this.now.plus(duration);
	}

}
