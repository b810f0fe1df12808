package io.polyglot.adapter.cassandra;

import java.util.Map;

import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A multi-node ring is configured by properties alone: replication per data center and
 * the consistency levels bind from their environment names as an operator sets them.
 */
class CassandraClusterPropertiesTest {

	@Test
	void aThreeReplicaRingWithLocalQuorumBindsFromTheEnvironmentNames() {
		Map<String, String> environment = Map.of("polyglot.cassandra.replication",
				"NetworkTopologyStrategy:datacenter1=3", "polyglot.cassandra.read-consistency", "LOCAL_QUORUM",
				"polyglot.cassandra.write-consistency", "LOCAL_QUORUM");
		CassandraEventLogProperties properties = new Binder(new MapConfigurationPropertySource(environment))
			.bindOrCreate("polyglot.cassandra", CassandraEventLogProperties.class);

		assertThat(properties.replicationCql()).isEqualTo("{'class': 'NetworkTopologyStrategy', 'datacenter1': 3}");
		assertThat(properties.reads()).isEqualTo(DefaultConsistencyLevel.LOCAL_QUORUM);
		assertThat(properties.writes()).isEqualTo(DefaultConsistencyLevel.LOCAL_QUORUM);
		assertThat(properties.keyspace()).isEqualTo("polyglot");
	}

}
