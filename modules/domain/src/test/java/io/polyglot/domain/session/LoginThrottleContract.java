package io.polyglot.domain.session;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What every {@link LoginThrottle} implementation must do, run by each implementation's
 * integration test against its real store. Windows run on the store's clock, so expiry is
 * awaited with a bounded wait, never timed; every test uses keys of its own.
 */
public abstract class LoginThrottleContract {

	protected static final Duration WINDOW = Duration.ofMinutes(15);

	protected abstract LoginThrottle throttle();

	protected void fail(String key, int times, Duration window) {
		for (int i = 0; i < times; i++) {
			throttle().recordFailure(key, window);
		}
	}

	@Test
	protected void keyIsBlockedOnceItsFailuresReachTheLimitForWhatRemainsOfTheWindow() {
		String key = "user:" + UUID.randomUUID();
		fail(key, 2, WINDOW);
		assertThat(throttle().blockedFor(key, 3)).isEmpty();

		fail(key, 1, WINDOW);

		assertThat(throttle().blockedFor(key, 3))
			.hasValueSatisfying((remaining) -> assertThat(remaining).isPositive().isLessThanOrEqualTo(WINDOW));
		assertThat(throttle().blockedFor(key, 4)).as("under a higher limit").isEmpty();
	}

	@Test
	protected void resetForgetsTheFailures() {
		String key = "user:" + UUID.randomUUID();
		fail(key, 3, WINDOW);

		throttle().reset(key);

		assertThat(throttle().blockedFor(key, 3)).isEmpty();
		fail(key, 1, WINDOW);
		assertThat(throttle().blockedFor(key, 1)).as("counting starts again from zero").isPresent();
		assertThat(throttle().blockedFor(key, 2)).isEmpty();
	}

	@Test
	protected void blockEndsWhenTheWindowExpiresAndCountingStartsAfresh() {
		String key = "address:" + UUID.randomUUID();
		fail(key, 3, Duration.ofSeconds(1));
		assertThat(throttle().blockedFor(key, 3)).isPresent();

		await().atMost(Duration.ofSeconds(15))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> throttle().blockedFor(key, 3).isEmpty());
		fail(key, 1, WINDOW);
		assertThat(throttle().blockedFor(key, 2)).as("a failure after the window is the first of a new one").isEmpty();
	}

	@Test
	protected void laterFailuresDoNotExtendTheWindow() {
		String key = "user:" + UUID.randomUUID();
		fail(key, 1, Duration.ofSeconds(5));
		fail(key, 2, Duration.ofHours(1));

		assertThat(throttle().blockedFor(key, 3))
			.hasValueSatisfying((remaining) -> assertThat(remaining).isLessThanOrEqualTo(Duration.ofSeconds(5)));
	}

	@Test
	protected void keysThatLookLikePatternsStayApart() {
		String id = UUID.randomUUID().toString();
		String attacked = "user:" + id + "*";
		List<String> others = List.of("user:" + id, "user:" + id + "?", "user:{" + id + "}", "user:" + id + " ",
				"user:" + id + "\n", "user:" + id + "*\n", "*", "user:*", "{user:" + id + "}*", "", "user:" + id + "%",
				"user:" + id + "' OR '1'='1");
		fail(attacked, 3, WINDOW);

		assertThat(throttle().blockedFor(attacked, 3)).isPresent();
		for (String other : others) {
			assertThat(throttle().blockedFor(other, 1)).as("blocked for %s", other.replace("\n", "\\n")).isEmpty();
		}
		throttle().reset("*");
		throttle().reset("user:*");
		throttle().reset("%");
		assertThat(throttle().blockedFor(attacked, 3)).as("after resetting wildcard-looking keys").isPresent();
	}

	@Test
	protected void recordingAFailureAnswersTheCountInTheWindow() {
		String key = "user:" + UUID.randomUUID();
		assertThat(throttle().recordFailure(key, WINDOW)).isEqualTo(1);
		assertThat(throttle().recordFailure(key, WINDOW)).isEqualTo(2);
		throttle().reset(key);
		assertThat(throttle().recordFailure(key, WINDOW)).isEqualTo(1);
	}

	@Test
	protected void aBlockLastsItsDurationKeepsALongerOneAndEndsOnReset() {
		String key = "pair:" + UUID.randomUUID();
		assertThat(throttle().blockedFor(key)).isEmpty();

		throttle().block(key, Duration.ofMinutes(10));
		throttle().block(key, Duration.ofSeconds(5));

		assertThat(throttle().blockedFor(key))
			.hasValueSatisfying((remaining) -> assertThat(remaining).isGreaterThan(Duration.ofMinutes(9))
				.isLessThanOrEqualTo(Duration.ofMinutes(10)));
		assertThat(throttle().blockedFor("pair:" + UUID.randomUUID())).isEmpty();
		throttle().reset(key);
		assertThat(throttle().blockedFor(key)).isEmpty();
	}

	@Test
	protected void aShortBlockEnds() {
		String key = "pair:" + UUID.randomUUID();
		throttle().block(key, Duration.ofSeconds(1));
		assertThat(throttle().blockedFor(key)).isPresent();

		await().atMost(Duration.ofSeconds(15))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> throttle().blockedFor(key).isEmpty());
	}

}
