package io.polyglot.adapter.postgres;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.polyglot.adapter.postgres.testapp.PostgresTestApplication;
import io.polyglot.domain.eventlog.DomainEvent;
import io.polyglot.domain.eventlog.EventLog;
import io.polyglot.domain.eventlog.EventLogContract;
import io.polyglot.domain.eventlog.EventStream;
import io.polyglot.domain.eventlog.StreamOwners;
import io.polyglot.domain.eventlog.StreamOwnersContract;
import io.polyglot.domain.shared.CustomerId;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event log contract against a real local PostgreSQL, plus the stream owners the same
 * adapter answers and the append-only layout.
 */
@SpringBootTest(classes = PostgresTestApplication.class)
class PostgresEventLogIT extends EventLogContract {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresTestApplication.postgres(registry);
	}

	@Autowired
	JdbcTemplate jdbc;

	@Override
	protected EventLog eventLog() {
		return new PostgresEventLog(this.jdbc);
	}

	@Test
	void ownersAreKnownPerStreamAndAnEventWithoutOwnerKeepsTheKnownOne() {
		PostgresEventLog log = new PostgresEventLog(this.jdbc);
		CustomerId ada = CustomerId.random();
		EventStream account = EventStream.account(UUID.randomUUID());
		EventStream product = EventStream.product(UUID.randomUUID());
		log.deliver(List.of(new DomainEvent(UUID.randomUUID(), account, "DepositMade", CLOCK.now(), ada, Map.of()),
				new DomainEvent(UUID.randomUUID(), product, "ProductCreated", CLOCK.now(), null, Map.of())));
		log.append(List.of(new DomainEvent(UUID.randomUUID(), account, "DepositMade", CLOCK.now().plusSeconds(1), null,
				Map.of())));

		assertThat(log.ownerOf(account)).contains(new StreamOwners.Owner(ada));
		assertThat(log.ownerOf(product)).contains(new StreamOwners.Owner(null));
		assertThat(log.ownerOf(newStream())).isEmpty();
		assertThat(log.name()).isEqualTo("eventlog");
	}

	@Test
	void timesAreKeptToTheMicrosecondRoundedDown() {
		EventStream stream = newStream();
		DomainEvent event = new DomainEvent(UUID.randomUUID(), stream, "OrderPlaced",
				CLOCK.now().minusSeconds(1).plusNanos(999), null, Map.of());
		eventLog().append(List.of(event));

		assertThat(eventLog().read(stream, lastDays(1), io.polyglot.domain.shared.PageRequest.first()).items())
			.extracting(DomainEvent::occurredAt)
			.containsExactly(CLOCK.now().minusSeconds(1));
	}

	/** The stream owners contract against the same tables. */
	@Nested
	class Owners extends StreamOwnersContract {

		private PostgresEventLog log() {
			return new PostgresEventLog(PostgresEventLogIT.this.jdbc);
		}

		@Override
		protected EventLog eventLog() {
			return log();
		}

		@Override
		protected StreamOwners owners() {
			return log();
		}

	}

}
