package io.polyglot.domain.session;

import io.polyglot.domain.shared.Clock;
import io.polyglot.domain.support.InMemoryLoginThrottle;

/**
 * The login throttle fake passes the same contract as the Redis and PostgreSQL adapters;
 * it runs on the system clock, since the contract waits for windows to expire.
 */
class InMemoryLoginThrottleContractTest extends LoginThrottleContract {

	private final InMemoryLoginThrottle throttle = new InMemoryLoginThrottle(Clock.system());

	@Override
	protected LoginThrottle throttle() {
		return this.throttle;
	}

}
