package io.polyglot.adapter.postgres;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.polyglot.domain.catalog.Catalog;
import io.polyglot.domain.eventlog.EventLog;
import io.polyglot.domain.order.Stock;
import io.polyglot.domain.session.LoginThrottle;
import io.polyglot.domain.session.Sessions;
import io.polyglot.domain.shared.StoreUnavailableException;
import io.polyglot.domain.social.SocialGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The PostgreSQL implementations of the concerns whose default store is another one, each
 * wired only when {@code polyglot.routing.<concern>=postgres}. The specialised adapter's
 * auto-configuration backs off under the same property, so exactly one implementation of
 * each port exists.
 */
final class PostgresRoutedConfigurations {

	private PostgresRoutedConfigurations() {
	}

	/** {@code polyglot.routing.catalog=postgres}: the catalog and its stock. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "polyglot.routing.catalog", havingValue = "postgres")
	static class CatalogOnPostgres {

		@Bean
		@ConditionalOnMissingBean(Catalog.class)
		PostgresCatalog postgresCatalog(DataSource dataSource) {
			return new PostgresCatalog(new JdbcTemplate(dataSource));
		}

		@Bean
		@ConditionalOnMissingBean(Stock.class)
		PostgresStock postgresStock(DataSource dataSource, PlatformTransactionManager transactionManager) {
			return new PostgresStock(new JdbcTemplate(dataSource), transactionManager);
		}

	}

	/** {@code polyglot.routing.sessions=postgres}: sessions and the login throttle. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "polyglot.routing.sessions", havingValue = "postgres")
	static class SessionsOnPostgres {

		@Bean
		@ConditionalOnMissingBean(Sessions.class)
		PostgresSessions postgresSessions(DataSource dataSource,
				@Value("${polyglot.postgres.sessions.unlogged:false}") boolean unlogged) {
			return new PostgresSessions(new JdbcTemplate(dataSource), unlogged);
		}

		@Bean
		@ConditionalOnMissingBean(LoginThrottle.class)
		PostgresLoginThrottle postgresLoginThrottle(DataSource dataSource) {
			return new PostgresLoginThrottle(new JdbcTemplate(dataSource));
		}

		// instances of its own: the port beans may be wrapped (bulkhead proxies) and are
		// then no longer of the adapter's class
		@Bean
		ExpiredRowsPurge postgresExpiredRowsPurge(DataSource dataSource,
				@Value("${polyglot.postgres.sessions.unlogged:false}") boolean unlogged,
				@Value("${polyglot.postgres.sessions.purge-interval:1m}") Duration interval) {
			JdbcTemplate jdbc = new JdbcTemplate(dataSource);
			return new ExpiredRowsPurge(new PostgresSessions(jdbc, unlogged), new PostgresLoginThrottle(jdbc),
					interval);
		}

	}

	/** {@code polyglot.routing.event-log=postgres}: the event log and stream owners. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "polyglot.routing.event-log", havingValue = "postgres")
	static class EventLogOnPostgres {

		@Bean
		@ConditionalOnMissingBean(EventLog.class)
		PostgresEventLog postgresEventLog(DataSource dataSource) {
			return new PostgresEventLog(new JdbcTemplate(dataSource));
		}

	}

	/** {@code polyglot.routing.social-graph=postgres}: people and friendships. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "polyglot.routing.social-graph", havingValue = "postgres")
	static class SocialGraphOnPostgres {

		@Bean
		@ConditionalOnMissingBean(SocialGraph.class)
		PostgresSocialGraph postgresSocialGraph(DataSource dataSource, PlatformTransactionManager transactionManager) {
			return new PostgresSocialGraph(new JdbcTemplate(dataSource), transactionManager);
		}

	}

	/**
	 * Deletes expired sessions and ended login-failure windows in small batches, off the
	 * request path: reads already ignore such rows, this only keeps the tables small.
	 */
	static final class ExpiredRowsPurge implements SmartLifecycle {

		private static final int BATCH = 1_000;

		private static final Logger log = LoggerFactory.getLogger(ExpiredRowsPurge.class);

		private final PostgresSessions sessions;

		private final PostgresLoginThrottle throttle;

		private final Duration interval;

		private volatile ScheduledExecutorService scheduler;

		ExpiredRowsPurge(PostgresSessions sessions, PostgresLoginThrottle throttle, Duration interval) {
			this.sessions = sessions;
			this.throttle = throttle;
			this.interval = interval;
		}

		/** One round: batches until a batch comes back short. */
		void purgeNow() {
			while (this.sessions.purgeExpired(Instant.now(), BATCH) == BATCH) {
				// more to go
			}
			while (this.throttle.purgeExpired(BATCH) == BATCH) {
				// more to go
			}
		}

		@Override
		public void start() {
			ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor((task) -> {
				Thread thread = new Thread(task, "postgres-expired-rows-purge");
				thread.setDaemon(true);
				return thread;
			});
			started.scheduleWithFixedDelay(() -> {
				try {
					purgeNow();
				}
				catch (StoreUnavailableException ex) {
					log.debug("Expired rows not purged, PostgreSQL unavailable; next round in {}", this.interval);
				}
				catch (RuntimeException ex) {
					log.warn("Purging expired sessions failed; next round in {}", this.interval, ex);
				}
			}, this.interval.toMillis(), this.interval.toMillis(), TimeUnit.MILLISECONDS);
			this.scheduler = started;
		}

		@Override
		public void stop() {
			ScheduledExecutorService running = this.scheduler;
			if (running != null) {
				running.shutdownNow();
			}
			this.scheduler = null;
		}

		@Override
		public boolean isRunning() {
			return this.scheduler != null;
		}

	}

}
