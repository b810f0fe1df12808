package io.polyglot.adapter.cassandra;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The event log's Cassandra settings under {@code polyglot.cassandra}.
 *
 * @param keyspace the keyspace the migrations create and the log uses
 * @param replication the keyspace's replication when the migrations create it:
 * {@code SimpleStrategy:<factor>} for one data center (local), or
 * {@code NetworkTopologyStrategy:<dc>=<factor>,<dc>=<factor>} for production
 * @param readConsistency consistency of reads ({@code LOCAL_QUORUM} unless local)
 * @param writeConsistency consistency of writes ({@code LOCAL_QUORUM} unless local)
 * @param maxInFlight how many writes one delivery keeps in flight at once
 * @param batchPartitions the most partitions one unlogged batch of a delivery spans (all
 * on one replica set); 10 is Cassandra's own
 * {@code unlogged_batch_across_partitions_warn_threshold}, 1 batches per partition only
 */
@ConfigurationProperties("polyglot.cassandra")
record CassandraEventLogProperties(@DefaultValue("polyglot") String keyspace,
		@DefaultValue("SimpleStrategy:1") String replication, @DefaultValue("LOCAL_QUORUM") String readConsistency,
		@DefaultValue("LOCAL_QUORUM") String writeConsistency, @DefaultValue("64") int maxInFlight,
		@DefaultValue("10") int batchPartitions) {

	// names go into DDL text (never user input, but still checked): plain
	// identifiers only
	private static final Pattern KEYSPACE = Pattern.compile("[a-z][a-z0-9_]{0,47}");

	private static final Pattern DATACENTER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

	CassandraEventLogProperties {
		if (!KEYSPACE.matcher(keyspace).matches()) {
			throw new IllegalArgumentException(
					"polyglot.cassandra.keyspace must be a lower-case identifier, not '" + keyspace + "'");
		}
		replicationCql(replication);
		consistency(readConsistency);
		consistency(writeConsistency);
		if (maxInFlight < 1 || maxInFlight > 1024) {
			throw new IllegalArgumentException("polyglot.cassandra.max-in-flight must be between 1 and 1024");
		}
		if (batchPartitions < 1 || batchPartitions > 100) {
			throw new IllegalArgumentException("polyglot.cassandra.batch-partitions must be between 1 and 100");
		}
	}

	ConsistencyLevel reads() {
		return consistency(this.readConsistency);
	}

	ConsistencyLevel writes() {
		return consistency(this.writeConsistency);
	}

	/**
	 * The replication map of {@code CREATE KEYSPACE}, e.g. {@code {'class':
	 * 'SimpleStrategy', ...}}.
	 */
	String replicationCql() {
		return replicationCql(this.replication);
	}

	private static String replicationCql(String replication) {
		int colon = replication.indexOf(':');
		String strategy = (colon > 0) ? replication.substring(0, colon).trim() : "";
		String factors = (colon > 0) ? replication.substring(colon + 1).trim() : "";
		if (strategy.equals("SimpleStrategy")) {
			return "{'class': 'SimpleStrategy', 'replication_factor': " + factor(factors) + "}";
		}
		if (strategy.equals("NetworkTopologyStrategy")) {
			Map<String, Integer> perDatacenter = new LinkedHashMap<>();
			for (String entry : factors.split(",")) {
				String[] parts = entry.trim().split("=");
				if (parts.length != 2 || !DATACENTER.matcher(parts[0].trim()).matches()) {
					throw invalidReplication(replication);
				}
				perDatacenter.put(parts[0].trim(), factor(parts[1]));
			}
			StringBuilder cql = new StringBuilder("{'class': 'NetworkTopologyStrategy'");
			perDatacenter.forEach((dc, factor) -> cql.append(", '").append(dc).append("': ").append(factor));
			return cql.append('}').toString();
		}
		throw invalidReplication(replication);
	}

	private static int factor(String text) {
		try {
			int factor = Integer.parseInt(text.trim());
			if (factor >= 1 && factor <= 9) {
				return factor;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new IllegalArgumentException("polyglot.cassandra.replication: a replication factor must be 1 to 9");
	}

	private static IllegalArgumentException invalidReplication(String replication) {
		return new IllegalArgumentException("polyglot.cassandra.replication must be 'SimpleStrategy:<factor>' or "
				+ "'NetworkTopologyStrategy:<dc>=<factor>,...', not '" + replication + "'");
	}

	private static ConsistencyLevel consistency(String name) {
		try {
			return DefaultConsistencyLevel.valueOf(name.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("Unknown Cassandra consistency level '" + name + "'", ex);
		}
	}

}
