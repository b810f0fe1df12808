package io.polyglot.app.config;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AdminPropertiesTest {

	@Test
	void noneSetMeansNoOperator() {
		assertThat(bind(Map.of()).isConfigured()).isFalse();
		assertThat(bind(Map.of("polyglot.admin.username", " ")).isConfigured()).isFalse();
	}

	@Test
	void allThreeSetIsAnOperatorWhosePasswordNeverShows() {
		AdminProperties admin = bind(Map.of("polyglot.admin.username", "ops", "polyglot.admin.email", "ops@example.com",
				"polyglot.admin.password", "a long secret"));

		assertThat(admin.isConfigured()).isTrue();
		assertThat(admin.toString()).doesNotContain("a long secret");
	}

	@Test
	void onlySomeSetStopsStartupNamingWhatIsMissing() {
		assertThatExceptionOfType(BindException.class)
			.isThrownBy(() -> bind(Map.of("polyglot.admin.username", "ops", "polyglot.admin.password", "secret!!")))
			.satisfies((ex) -> assertThat(ex).rootCause()
				.hasMessageContaining("POLYGLOT_ADMIN_EMAIL")
				.hasMessageNotContaining("POLYGLOT_ADMIN_USERNAME"));
	}

	@Test
	void sessionDefaultsAreThoseOfTheIssue() {
		SessionProperties sessions = new Binder(new MapConfigurationPropertySource(Map.of("polyglot.x", "y")))
			.bindOrCreate("polyglot.sessions", SessionProperties.class);

		assertThat(sessions.idleTimeout()).isEqualTo(Duration.ofMinutes(30));
		assertThat(sessions.absoluteLifetime()).isEqualTo(Duration.ofHours(12));
		assertThat(sessions.failureWindow()).isEqualTo(Duration.ofMinutes(15));
		// five failures free per username and address, then 5 s doubling to 15 min; the
		// ceiling per username over all addresses is far above that
		assertThat(sessions.failuresBeforeDelay()).isEqualTo(5);
		assertThat(sessions.toPolicy().delayAfter(5)).contains(Duration.ofSeconds(5));
		assertThat(sessions.toPolicy().delayAfter(20)).contains(Duration.ofMinutes(15));
		assertThat(sessions.toPolicy().maxFailuresPerUsername()).isEqualTo(50);
	}

	private static AdminProperties bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("polyglot.admin",
				AdminProperties.class);
	}

}
