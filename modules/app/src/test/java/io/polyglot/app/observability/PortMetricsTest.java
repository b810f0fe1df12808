package io.polyglot.app.observability;

import io.polyglot.domain.shared.ConflictException;
import io.polyglot.domain.shared.StoreUnavailableException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tags the port timers get: the store from the adapter's package, the outcome from
 * the failure.
 */
class PortMetricsTest {

	@Test
	void theStoreIsTheAdaptersPackage() throws ClassNotFoundException {
		assertThat(PortMetrics.storeOf(Class.forName("io.polyglot.adapter.postgres.JdbcAccounts")))
			.isEqualTo("postgres");
		assertThat(PortMetrics.storeOf(Class.forName("io.polyglot.adapter.redis.RedisSessions"))).isEqualTo("redis");
		assertThat(PortMetrics.storeOf(io.polyglot.app.problem.RequestId.class)).isNull();
		assertThat(PortMetrics.storeOf(String.class)).isNull();
	}

	@Test
	void outcomesSeparateRefusalsFromOutagesAndFaults() {
		assertThat(PortMetrics.outcomeOf(null)).isEqualTo("success");
		assertThat(PortMetrics.outcomeOf(new ConflictException("duplicate"))).isEqualTo("rejected");
		assertThat(
				PortMetrics.outcomeOf(new StoreUnavailableException("redis", "down", new RuntimeException("timeout"))))
			.isEqualTo("unavailable");
		assertThat(PortMetrics.outcomeOf(new IllegalStateException("bug"))).isEqualTo("error");
	}

}
