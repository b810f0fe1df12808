package io.polyglot.app.outbox;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.polyglot.domain.outbox.OutboxQueue.OutboxLag;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code outbox} health component: per consumer, how many events wait and how old the
 * oldest is. UP while PostgreSQL answers; a backlog is reported as {@code lagging}, not
 * as DOWN, because a consumer's outage is already DOWN in its own store's component and
 * the outbox is doing exactly its job by holding the events.
 */
public final class OutboxHealthIndicator implements HealthIndicator {

	private final OutboxLagMonitor monitor;

	private final List<String> consumers;

	private final Duration lagWarning;

	public OutboxHealthIndicator(OutboxLagMonitor monitor, List<String> consumers, Duration lagWarning) {
		this.monitor = monitor;
		this.consumers = consumers;
		this.lagWarning = lagWarning;
	}

	@Override
	public Health health() {
		List<OutboxLag> lag = this.monitor.lag();
		Map<String, Object> perConsumer = new LinkedHashMap<>();
		boolean lagging = false;
		for (String consumer : this.consumers) {
			OutboxLag of = lag.stream()
				.filter((l) -> l.consumer().equals(consumer))
				.findFirst()
				.orElse(new OutboxLag(consumer, 0, Duration.ZERO));
			boolean behind = of.undelivered() > 0 && of.oldestAge().compareTo(this.lagWarning) >= 0;
			lagging |= behind;
			perConsumer.put(consumer, Map.of("undelivered", of.undelivered(), "oldestAgeSeconds",
					of.oldestAge().toSeconds(), "lagging", behind));
		}
		return Health.up().withDetail("consumers", perConsumer).withDetail("lagging", lagging).build();
	}

}
