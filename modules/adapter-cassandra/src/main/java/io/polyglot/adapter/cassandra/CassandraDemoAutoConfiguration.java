package io.polyglot.adapter.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The Cassandra side of the architecture demos, only when demos are switched on; their
 * tables live in a keyspace of their own.
 */
@AutoConfiguration(afterName = "org.springframework.boot.cassandra.autoconfigure.CassandraAutoConfiguration")
@ConditionalOnBooleanProperty("polyglot.demos.enabled")
@EnableConfigurationProperties(CassandraEventLogProperties.class)
class CassandraDemoAutoConfiguration {

	@Bean
	CassandraDemoKeyspace cassandraDemoKeyspace(ObjectProvider<CqlSession> session,
			CassandraEventLogProperties properties) {
		return new CassandraDemoKeyspace(session, properties);
	}

	@Bean
	CassandraPartitionPlayground cassandraPartitionPlayground(CassandraDemoKeyspace keyspace) {
		return new CassandraPartitionPlayground(keyspace);
	}

	@Bean
	CassandraDemoEventLog cassandraDemoEventLog(CassandraDemoKeyspace keyspace) {
		return new CassandraDemoEventLog(keyspace);
	}

}
