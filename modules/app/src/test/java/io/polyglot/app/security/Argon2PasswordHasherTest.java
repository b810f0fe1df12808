package io.polyglot.app.security;

import io.polyglot.domain.account.Password;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Argon2PasswordHasherTest {

	private final Argon2PasswordHasher hasher = new Argon2PasswordHasher();

	@Test
	void hashesWithArgon2idAndAFreshSaltEachTime() {
		String first = this.hasher.hash(new Password("correct horse battery"));
		String second = this.hasher.hash(new Password("correct horse battery"));

		assertThat(first).startsWith("$argon2id$").isNotEqualTo(second);
		assertThat(this.hasher.matches("correct horse battery", first)).isTrue();
		assertThat(this.hasher.matches("correct horse battery", second)).isTrue();
		assertThat(this.hasher.matches("correct horse batterY", first)).isFalse();
	}

	@Test
	void aLongPasswordIsNotTruncatedTheWayBcryptWouldTruncateIt() {
		String base = "x".repeat(100);
		String hash = this.hasher.hash(new Password(base + "a"));

		assertThat(this.hasher.matches(base + "b", hash)).isFalse();
	}

	@Test
	void aHashThatIsNotArgon2NeverMatches() {
		assertThat(this.hasher.matches("anything", "not a hash")).isFalse();
	}

}
