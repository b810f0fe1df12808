package io.polyglot.domain.idempotency;

import io.polyglot.domain.support.InMemoryIdempotencyKeys;

/** The idempotency keys fake passes the same contract as the PostgreSQL adapter. */
class InMemoryIdempotencyKeysContractTest extends IdempotencyKeysContract {

	private final InMemoryIdempotencyKeys keys = new InMemoryIdempotencyKeys();

	@Override
	protected IdempotencyKeys keys() {
		return this.keys;
	}

}
