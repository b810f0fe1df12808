package io.polyglot.domain.account;

/** Port for a slow, salted password hash (the app plugs in Argon2 or BCrypt). */
public interface PasswordHasher {

	/** A new salted hash of the password. */
	String hash(Password password);

	/** Whether the clear text matches the stored hash. */
	boolean matches(String clearText, String hash);

}
