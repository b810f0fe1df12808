package io.polyglot.domain.support;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import io.polyglot.domain.account.Password;
import io.polyglot.domain.account.PasswordHasher;

/**
 * A reversible stand-in for the slow hash that records what it was asked to compare.
 */
public final class FakePasswordHasher implements PasswordHasher {

	private final List<String> comparedHashes = new ArrayList<>();

	private BooleanSupplier onHash = () -> true;

	@Override
	public String hash(Password password) {
		if (!this.onHash.getAsBoolean()) {
			throw new AssertionError("hashed at a moment it must not");
		}
		return "fake$" + new StringBuilder(password.reveal()).reverse();
	}

	@Override
	public boolean matches(String clearText, String hash) {
		this.comparedHashes.add(hash);
		return hash.equals("fake$" + new StringBuilder(clearText).reverse());
	}

	/** Fails the test when hashing happens while the condition is false. */
	public void requireOnHash(BooleanSupplier condition) {
		this.onHash = condition;
	}

	public List<String> comparedHashes() {
		return this.comparedHashes;
	}

}
