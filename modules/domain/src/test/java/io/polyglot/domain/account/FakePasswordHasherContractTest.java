package io.polyglot.domain.account;

import io.polyglot.domain.support.FakePasswordHasher;

/** The fast password hasher fake keeps the rules of a real one. */
class FakePasswordHasherContractTest extends PasswordHasherContract {

	private final FakePasswordHasher hasher = new FakePasswordHasher();

	@Override
	protected PasswordHasher hasher() {
		return this.hasher;
	}

}
