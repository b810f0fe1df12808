package io.polyglot.adapter.cassandra;

import java.util.Map;

import com.datastax.oss.driver.api.core.CqlSession;
import io.polyglot.domain.eventlog.EventLog;

import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * Builds the Cassandra adapter's port implementations outside a Spring context, for
 * programs such as the benchmark runner that drive the same ports the service uses.
 */
public final class CassandraPorts {

	/**
	 * Partitions per unlogged batch by default: Cassandra's own
	 * {@code unlogged_batch_across_partitions_warn_threshold}, as
	 * {@code polyglot.cassandra.batch-partitions} defaults to.
	 */
	public static final int DEFAULT_BATCH_PARTITIONS = 10;

	private CassandraPorts() {
	}

	/**
	 * The event log (also the relay's consumer) over this session, in its own keyspace
	 * (created and migrated on first use), replication factor 1, LOCAL_QUORUM.
	 */
	public static CassandraEventLog eventLog(CqlSession session, String keyspace) {
		return eventLog(session, keyspace, DEFAULT_BATCH_PARTITIONS);
	}

	/**
	 * The same, with at most {@code batchPartitions} partitions per unlogged batch (1:
	 * batches per partition only).
	 */
	public static CassandraEventLog eventLog(CqlSession session, String keyspace, int batchPartitions) {
		return new CassandraEventLog(
				new StaticListableBeanFactory(Map.of("cqlSession", session)).getBeanProvider(CqlSession.class),
				new CassandraEventLogProperties(keyspace, "SimpleStrategy:1", "LOCAL_QUORUM", "LOCAL_QUORUM", 64,
						batchPartitions));
	}

}
