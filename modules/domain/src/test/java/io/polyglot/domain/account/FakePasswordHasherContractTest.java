package io.polyglot.domain.account;

import io.polyglot.domain.support.FakePasswordHasher;

/** The fast password hasher fake passes the same contract as the Argon2 hasher. */
class FakePasswordHasherContractTest extends PasswordHasherContract {

	private final FakePasswordHasher hasher = new FakePasswordHasher();

	@Override
	protected PasswordHasher hasher() {
		return this.hasher;
	}

}
