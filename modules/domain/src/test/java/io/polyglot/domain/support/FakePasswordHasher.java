package io.polyglot.domain.support;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import io.polyglot.domain.account.Password;
import io.polyglot.domain.account.PasswordHasher;

/**
 * A fast, salted stand-in for the slow hash that records what it was asked to compare; it
 * passes the same {@code PasswordHasherContract} as the Argon2 hasher.
 */
public final class FakePasswordHasher implements PasswordHasher {

	private static final java.util.Random SALTS = new java.util.Random();

	private final List<String> comparedHashes = new ArrayList<>();

	private BooleanSupplier onHash = () -> true;

	@Override
	public String hash(Password password) {
		if (!this.onHash.getAsBoolean()) {
			throw new AssertionError("hashed at a moment it must not");
		}
		// salted like a real hash, so equal passwords never get equal hashes
		String salt = Integer.toHexString(SALTS.nextInt());
		return "fake$" + salt + "$" + new StringBuilder(password.reveal()).reverse();
	}

	@Override
	public boolean matches(String clearText, String hash) {
		this.comparedHashes.add(hash);
		String[] parts = hash.split("\\$", 3);
		return parts.length == 3 && parts[0].equals("fake")
				&& parts[2].equals(new StringBuilder(clearText).reverse().toString());
	}

	/** Fails the test when hashing happens while the condition is false. */
	public void requireOnHash(BooleanSupplier condition) {
		this.onHash = condition;
	}

	public List<String> comparedHashes() {
		return this.comparedHashes;
	}

}
