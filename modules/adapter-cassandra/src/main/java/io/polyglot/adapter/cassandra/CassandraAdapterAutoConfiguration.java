package io.polyglot.adapter.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/** Wires the Cassandra adapter: its health component and, later, the event log. */
@AutoConfiguration(afterName = "org.springframework.boot.cassandra.autoconfigure.CassandraAutoConfiguration")
class CassandraAdapterAutoConfiguration {

	@Bean
	CassandraHealthIndicator cassandraHealthIndicator(ObjectProvider<CqlSession> session) {
		return new CassandraHealthIndicator(session);
	}

}
