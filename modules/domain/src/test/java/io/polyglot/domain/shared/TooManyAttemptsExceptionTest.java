package io.polyglot.domain.shared;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TooManyAttemptsExceptionTest {

	@Test
	void retryAfterIsWholeSecondsRoundedUpAndAtLeastOne() {
		assertThat(new TooManyAttemptsException(Duration.ofMillis(1500)).retryAfterSeconds()).isEqualTo(2);
		assertThat(new TooManyAttemptsException(Duration.ofSeconds(900)).retryAfterSeconds()).isEqualTo(900);
		assertThat(new TooManyAttemptsException(Duration.ZERO).retryAfterSeconds()).isEqualTo(1);
	}

}
