package io.polyglot.domain.support;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.polyglot.domain.session.LoginThrottle;
import io.polyglot.domain.shared.Clock;

/** Failure counters and blocks in maps that expire by the clock, like keys with a TTL. */
public final class InMemoryLoginThrottle implements LoginThrottle {

	private final Clock clock;

	private final Map<String, Window> windows = new HashMap<>();

	private final Map<String, Instant> blocks = new HashMap<>();

	public InMemoryLoginThrottle(Clock clock) {
		this.clock = clock;
	}

	@Override
	public Optional<Duration> blockedFor(String key, int maxFailures) {
		Window window = live(key);
		if (window == null || window.failures() < maxFailures) {
			return Optional.empty();
		}
		return Optional.of(Duration.between(this.clock.now(), window.endsAt()));
	}

	@Override
	public int recordFailure(String key, Duration window) {
		Window current = live(key);
		Window next = (current != null) ? new Window(current.failures() + 1, current.endsAt())
				: new Window(1, this.clock.now().plus(window));
		this.windows.put(key, next);
		return next.failures();
	}

	@Override
	public void reset(String key) {
		this.windows.remove(key);
		this.blocks.remove(key);
	}

	@Override
	public void block(String key, Duration duration) {
		Instant until = this.clock.now().plus(duration);
		this.blocks.merge(key, until, (old, fresh) -> old.isAfter(fresh) ? old : fresh);
	}

	@Override
	public Optional<Duration> blockedFor(String key) {
		Instant until = this.blocks.get(key);
		if (until == null || !this.clock.now().isBefore(until)) {
			this.blocks.remove(key);
			return Optional.empty();
		}
		return Optional.of(Duration.between(this.clock.now(), until));
	}

	public int failures(String key) {
		Window window = live(key);
		return (window != null) ? window.failures() : 0;
	}

	private Window live(String key) {
		Window window = this.windows.get(key);
		if (window != null && !this.clock.now().isBefore(window.endsAt())) {
			this.windows.remove(key);
			return null;
		}
		return window;
	}

	private record Window(int failures, Instant endsAt) {
	}

}
