package io.polyglot.app.security;

import io.polyglot.domain.account.Password;
import io.polyglot.domain.account.PasswordHasher;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * The password hash: Argon2id with Spring Security's 5.8 defaults (16 MiB memory, 2
 * iterations, 16-byte salt), computed by Bouncy Castle. Chosen over BCrypt because it is
 * memory-hard and has no 72-byte input limit; Bouncy Castle resolved from Maven Central,
 * so the BCrypt fallback was not needed.
 */
public final class Argon2PasswordHasher implements PasswordHasher {

	private final Argon2PasswordEncoder encoder = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();

	@Override
	public String hash(Password password) {
		return this.encoder.encode(password.reveal());
	}

	@Override
	public boolean matches(String clearText, String hash) {
		return this.encoder.matches(clearText, hash);
	}

}
