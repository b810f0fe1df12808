package io.polyglot.localstores;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The supervisor's restart backoff: immediate first, then doubling up to a cap. */
class StoreSupervisorTest {

	@Test
	void firstRestartIsImmediateThenTheWaitDoublesUpToTheCap() {
		assertThat(StoreSupervisor.backoff(0)).isEqualTo(Duration.ZERO);
		assertThat(StoreSupervisor.backoff(1)).isEqualTo(Duration.ofSeconds(1));
		assertThat(StoreSupervisor.backoff(2)).isEqualTo(Duration.ofSeconds(2));
		assertThat(StoreSupervisor.backoff(5)).isEqualTo(Duration.ofSeconds(16));
		assertThat(StoreSupervisor.backoff(6)).isEqualTo(StoreSupervisor.MAX_BACKOFF);
		assertThat(StoreSupervisor.backoff(1_000)).isEqualTo(StoreSupervisor.MAX_BACKOFF);
	}

}
