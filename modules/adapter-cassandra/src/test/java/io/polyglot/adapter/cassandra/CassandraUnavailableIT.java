package io.polyglot.adapter.cassandra;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.polyglot.domain.eventlog.DomainEvent;
import io.polyglot.domain.eventlog.EventStream;
import io.polyglot.domain.eventlog.TimeRange;
import io.polyglot.domain.shared.Cursor;
import io.polyglot.domain.shared.PageRequest;
import io.polyglot.domain.shared.StoreUnavailableException;
import io.polyglot.domain.shared.ValidationException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * With Cassandra unreachable the context still starts (the session is lazy), and every
 * event log call fails as the domain's store-unavailable error (503), call after call,
 * not as a bare driver or bean creation exception.
 */
@SpringBootTest(classes = CassandraUnavailableIT.Config.class)
class CassandraUnavailableIT {

	@DynamicPropertySource
	static void closedPort(DynamicPropertyRegistry registry) throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		registry.add("spring.cassandra.contact-points", () -> "127.0.0.1:" + port);
		registry.add("spring.cassandra.local-datacenter", () -> "datacenter1");
		registry.add("spring.cassandra.connection.connect-timeout", () -> "2s");
		registry.add("spring.cassandra.connection.init-query-timeout", () -> "2s");
	}

	@Autowired
	CassandraEventLog log;

	@Autowired
	CassandraHealthIndicator health;

	@Test
	void everyCallReportsCassandraUnavailable() {
		EventStream stream = EventStream.order(UUID.randomUUID());
		Instant now = Instant.now();
		TimeRange range = new TimeRange(now.minus(Duration.ofDays(1)), now);
		DomainEvent event = DomainEvent.of(stream, "OrderPlaced", now, null, Map.of());

		for (int attempt = 0; attempt < 2; attempt++) {
			assertUnavailable(() -> this.log.deliver(List.of(event)));
			assertUnavailable(() -> this.log.read(stream, range, PageRequest.first()));
			assertUnavailable(() -> this.log.ownerOf(stream));
		}
		assertThat(this.health.health(true).getStatus()).isEqualTo(Status.DOWN);
	}

	@Test
	void aTamperedCursorIsStillABadRequestWhileCassandraIsDown() {
		EventStream stream = EventStream.order(UUID.randomUUID());
		Instant now = Instant.now();
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> this.log.read(stream,
				new TimeRange(now.minusSeconds(60), now), new PageRequest(5, Cursor.encode("forged"))));
	}

	private static void assertUnavailable(Runnable call) {
		assertThatExceptionOfType(StoreUnavailableException.class).isThrownBy(call::run)
			.satisfies((ex) -> assertThat(ex.store()).isEqualTo("cassandra"));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Config {

	}

}
