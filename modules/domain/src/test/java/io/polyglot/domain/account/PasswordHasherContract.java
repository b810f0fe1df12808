package io.polyglot.domain.account;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link PasswordHasher} must do, run against the fast fake and the Argon2
 * hasher the service uses: a hash matches its own password only, never shows the
 * password, and is salted, so equal passwords get different hashes.
 */
public abstract class PasswordHasherContract {

	protected abstract PasswordHasher hasher();

	@Test
	protected void aHashMatchesItsPasswordAndNoOther() {
		String hash = hasher().hash(new Password("correct horse battery staple"));

		assertThat(hasher().matches("correct horse battery staple", hash)).isTrue();
		assertThat(hasher().matches("correct horse battery stapl", hash)).isFalse();
		assertThat(hasher().matches("Correct horse battery staple", hash)).isFalse();
		assertThat(hasher().matches("", hash)).isFalse();
	}

	@Test
	protected void aHashNeverShowsThePassword() {
		String hash = hasher().hash(new Password("correct horse battery staple"));

		assertThat(hash).doesNotContain("correct horse battery staple").doesNotContain("horse");
	}

	@Test
	protected void equalPasswordsGetDifferentHashesThatBothMatch() {
		String first = hasher().hash(new Password("correct horse battery staple"));
		String second = hasher().hash(new Password("correct horse battery staple"));

		assertThat(first).isNotEqualTo(second);
		assertThat(hasher().matches("correct horse battery staple", first)).isTrue();
		assertThat(hasher().matches("correct horse battery staple", second)).isTrue();
	}

	@Test
	protected void aHashOfAnotherSchemeOrGarbageMatchesNothing() {
		assertThat(hasher().matches("correct horse battery staple", "not a hash")).isFalse();
		assertThat(hasher().matches("correct horse battery staple", "")).isFalse();
	}

}
