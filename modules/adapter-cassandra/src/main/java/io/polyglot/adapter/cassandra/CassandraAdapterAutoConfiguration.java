package io.polyglot.adapter.cassandra;

import java.time.Duration;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import io.polyglot.domain.eventlog.EventLog;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.cassandra.autoconfigure.DriverConfigLoaderBuilderCustomizer;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;

/**
 * Wires the Cassandra adapter: its health component and the event log (also the relay's
 * {@code "eventlog"} consumer and the stream owner lookup), over Boot's lazy
 * {@link CqlSession}, which is only asked for on first use so the service starts while
 * Cassandra is down.
 */
// the concern's default store; polyglot.routing.event-log=postgres routes it to
// PostgreSQL instead
@ConditionalOnProperty(name = "polyglot.routing.event-log", havingValue = "cassandra", matchIfMissing = true)
@AutoConfiguration(afterName = "org.springframework.boot.cassandra.autoconfigure.CassandraAutoConfiguration")
@EnableConfigurationProperties(CassandraEventLogProperties.class)
class CassandraAdapterAutoConfiguration {

	@Bean
	CassandraHealthIndicator cassandraHealthIndicator(ObjectProvider<CqlSession> session) {
		return new CassandraHealthIndicator(session);
	}

	@Bean
	@ConditionalOnMissingBean(EventLog.class)
	CassandraEventLog cassandraEventLog(ObjectProvider<CqlSession> session, CassandraEventLogProperties properties) {
		return new CassandraEventLog(session, properties);
	}

	/**
	 * Once the service is up, migrates the schema in the background so the first request
	 * does not wait for it; startup itself never waits for Cassandra.
	 */
	@Bean
	ApplicationListener<ApplicationReadyEvent> cassandraEventLogWarmUp(ObjectProvider<CassandraEventLog> eventLog) {
		return (event) -> eventLog.ifAvailable((log) -> {
			Thread warmUp = new Thread(log::warmUp, "cassandra-event-log-warm-up");
			warmUp.setDaemon(true);
			warmUp.start();
		});
	}

	/**
	 * The driver retries a lost node with a backoff that grows to 60 s by default, so a
	 * Cassandra that is back would sit unused for up to a minute; capped lower here so
	 * the relay drains the outbox soon after an outage.
	 */
	@Bean
	DriverConfigLoaderBuilderCustomizer polyglotCassandraReconnection(
			@Value("${polyglot.cassandra.reconnect-max-delay:10s}") Duration maxDelay) {
		return (builder) -> builder.withDuration(DefaultDriverOption.RECONNECTION_BASE_DELAY, Duration.ofSeconds(1))
			.withDuration(DefaultDriverOption.RECONNECTION_MAX_DELAY, maxDelay);
	}

}
