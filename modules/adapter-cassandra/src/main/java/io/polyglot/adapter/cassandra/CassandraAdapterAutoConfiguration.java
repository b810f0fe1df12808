package io.polyglot.adapter.cassandra;

import java.time.Duration;
import java.util.List;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import io.micrometer.core.instrument.MeterRegistry;
import io.polyglot.domain.eventlog.EventLog;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.cassandra.autoconfigure.CqlSessionBuilderCustomizer;
import org.springframework.boot.cassandra.autoconfigure.DriverConfigLoaderBuilderCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ConfigurableApplicationContext;
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

	/**
	 * Once the service is up, migrates the schema in the background so the first request
	 * does not wait for it; startup itself never waits for Cassandra. The listener holds
	 * the event log itself: the bean others see may be a decorator of it (metrics).
	 */
	@Bean
	@ConditionalOnMissingBean(EventLog.class)
	CassandraEventLog cassandraEventLog(ObjectProvider<CqlSession> session, CassandraEventLogProperties properties,
			ConfigurableApplicationContext context) {
		CassandraEventLog log = new CassandraEventLog(session, properties);
		context.addApplicationListener((ApplicationEvent event) -> {
			if (event instanceof ApplicationReadyEvent) {
				Thread warmUp = new Thread(log::warmUp, "cassandra-event-log-warm-up");
				warmUp.setDaemon(true);
				warmUp.start();
			}
		});
		return log;
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

	/**
	 * A node killed while it coordinates a request never answers: without a second try
	 * the request runs into the 2 s request timeout and fails (a 503 seen in
	 * CassandraRingIT while a node of the ring was killed). Every statement of the
	 * adapter is idempotent, so after {@code speculative-delay} the driver may send the
	 * same request to the next node of the query plan and take the first answer; on a
	 * single node there is no next node and nothing changes.
	 */
	@Bean
	DriverConfigLoaderBuilderCustomizer polyglotCassandraSpeculativeExecution(
			@Value("${polyglot.cassandra.speculative-delay:500ms}") Duration delay) {
		return (builder) -> builder
			.withString(DefaultDriverOption.SPECULATIVE_EXECUTION_POLICY_CLASS, "ConstantSpeculativeExecutionPolicy")
			.withInt(DefaultDriverOption.SPECULATIVE_EXECUTION_MAX, 2)
			.withDuration(DefaultDriverOption.SPECULATIVE_EXECUTION_DELAY, delay);
	}

	/**
	 * The driver's metrics in the service's Micrometer registry: requests (with latency
	 * buckets), timeouts, connected nodes, and per node the pool and the errors the
	 * coordinator reported. Off when no registry exists (the adapter's own tests).
	 */
	@Bean
	DriverConfigLoaderBuilderCustomizer polyglotCassandraDriverMetrics(ObjectProvider<MeterRegistry> registry) {
		return (builder) -> {
			if (registry.getIfAvailable() == null) {
				return;
			}
			// tagged names (cassandra.session.cql-requests{session="s0"}) instead of one
			// name per session and node, so a dashboard needs no regular expressions
			builder.withString(DefaultDriverOption.METRICS_FACTORY_CLASS, "MicrometerMetricsFactory")
				.withString(DefaultDriverOption.METRICS_ID_GENERATOR_CLASS, "TaggingMetricIdGenerator")
				.withString(DefaultDriverOption.METRICS_ID_GENERATOR_PREFIX, "cassandra")
				.withStringList(DefaultDriverOption.METRICS_SESSION_ENABLED,
						List.of("connected-nodes", "cql-requests", "cql-client-timeouts", "bytes-sent",
								"bytes-received", "throttling.errors"))
				.withStringList(DefaultDriverOption.METRICS_NODE_ENABLED,
						List.of("pool.open-connections", "pool.in-flight", "pool.available-streams", "cql-messages",
								"errors.request.unavailables", "errors.request.read-timeouts",
								"errors.request.write-timeouts", "errors.request.aborted", "errors.connection.init",
								"retries.total"))
				.withStringList(DefaultDriverOption.METRICS_SESSION_CQL_REQUESTS_SLO,
						List.of("1ms", "2ms", "5ms", "10ms", "25ms", "50ms", "100ms", "250ms", "500ms", "1s", "3s"));
		};
	}

	@Bean
	CqlSessionBuilderCustomizer polyglotCassandraMetricRegistry(ObjectProvider<MeterRegistry> registry) {
		return (builder) -> registry.ifAvailable(builder::withMetricRegistry);
	}

}
