package io.polyglot.domain.shared;

/**
 * A login that did not prove who the caller is (401); deliberately the same for an
 * unknown username and a wrong password, so it tells an attacker nothing.
 */
public final class InvalidCredentialsException extends DomainException {

	public InvalidCredentialsException() {
		super("Invalid username or password.");
	}

}
