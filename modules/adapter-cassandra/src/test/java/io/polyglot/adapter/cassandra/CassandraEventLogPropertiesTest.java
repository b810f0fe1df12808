package io.polyglot.adapter.cassandra;

import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CassandraEventLogPropertiesTest {

	@Test
	void simpleAndNetworkTopologyReplicationBecomeTheKeyspaceMap() {
		assertThat(properties("SimpleStrategy:1").replicationCql())
			.isEqualTo("{'class': 'SimpleStrategy', 'replication_factor': 1}");
		assertThat(properties("NetworkTopologyStrategy:dc1=3, eu-west_2=2").replicationCql())
			.isEqualTo("{'class': 'NetworkTopologyStrategy', 'dc1': 3, 'eu-west_2': 2}");
	}

	@Test
	void consistencyLevelsAreParsed() {
		CassandraEventLogProperties properties = new CassandraEventLogProperties("polyglot", "SimpleStrategy:1",
				"local_one", "LOCAL_QUORUM", 64, 10);
		assertThat(properties.reads()).isEqualTo(DefaultConsistencyLevel.LOCAL_ONE);
		assertThat(properties.writes()).isEqualTo(DefaultConsistencyLevel.LOCAL_QUORUM);
	}

	@Test
	void anythingThatCouldBreakOutOfTheDdlIsRefusedAtStartup() {
		for (String replication : new String[] { "SimpleStrategy", "SimpleStrategy:0", "SimpleStrategy:1}",
				"NetworkTopologyStrategy:dc1'=3", "NetworkTopologyStrategy:", "LocalStrategy:1",
				"NetworkTopologyStrategy:dc1=3;DROP" }) {
			assertThatIllegalArgumentException().as(replication).isThrownBy(() -> properties(replication));
		}
		assertThatIllegalArgumentException().isThrownBy(
				() -> new CassandraEventLogProperties("polyglot; DROP", "SimpleStrategy:1", "ONE", "ONE", 64, 10));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CassandraEventLogProperties("polyglot", "SimpleStrategy:1", "MOST", "ONE", 64, 10));
	}

	@Test
	void batchPartitionsOutsideOneToAHundredAreRefusedAtStartup() {
		for (int partitions : new int[] { 0, -1, 101 }) {
			assertThatIllegalArgumentException().as("%d", partitions)
				.isThrownBy(() -> new CassandraEventLogProperties("polyglot", "SimpleStrategy:1", "ONE", "ONE", 64,
						partitions))
				.withMessageContaining("batch-partitions");
		}
	}

	private static CassandraEventLogProperties properties(String replication) {
		return new CassandraEventLogProperties("polyglot", replication, "LOCAL_QUORUM", "LOCAL_QUORUM", 64, 10);
	}

}
