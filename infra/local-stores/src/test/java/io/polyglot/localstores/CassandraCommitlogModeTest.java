package io.polyglot.localstores;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The commit log mode a Cassandra node is configured with. */
class CassandraCommitlogModeTest {

	@Test
	void theLocalRunSyncsBeforeItAcknowledgesAndTestsSyncPeriodically() {
		assertThat(CassandraStore.commitlogMode(null, true)).isEqualTo("batch");
		assertThat(CassandraStore.commitlogMode(" ", false)).isEqualTo("periodic");
	}

	@Test
	void aConfiguredModeWinsForBoth() {
		assertThat(CassandraStore.commitlogMode("Periodic", true)).isEqualTo("periodic");
		assertThat(CassandraStore.commitlogMode("group", false)).isEqualTo("group");
		assertThat(CassandraStore.commitlogMode("batch", false)).isEqualTo("batch");
	}

	@Test
	void anUnknownModeIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> CassandraStore.commitlogMode("always", true))
			.withMessageContaining("periodic, batch or group");
	}

}
