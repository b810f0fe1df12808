package io.polyglot.app.outbox;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.polyglot.domain.idempotency.Idempotency;
import io.polyglot.domain.outbox.DeliverOutboxEvents;
import io.polyglot.domain.outbox.EventConsumer;
import io.polyglot.domain.outbox.OutboxQueue;
import io.polyglot.domain.shared.Clock;
import io.polyglot.domain.shared.Transactions;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the relay, its housekeeping, the lag gauges and the outbox health component. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxConfiguration {

	@Bean
	DeliverOutboxEvents deliverOutboxEvents(OutboxQueue queue, Transactions transactions, Clock clock,
			OutboxProperties properties) {
		return new DeliverOutboxEvents(queue, transactions, clock, properties.batchSize(), properties.firstBackoff(),
				properties.maxBackoff(), properties.relay().lease());
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "polyglot.outbox.relay-enabled", matchIfMissing = true)
	OutboxRelayScheduler outboxRelayScheduler(DeliverOutboxEvents deliver, ObjectProvider<EventConsumer> consumers,
			OutboxProperties properties, MeterRegistry meters) {
		return new OutboxRelayScheduler(deliver, consumers.orderedStream().toList(), properties, meters);
	}

	@Bean
	OutboxLagMonitor outboxLagMonitor(OutboxQueue queue, Transactions transactions, Clock clock,
			ObjectProvider<EventConsumer> consumers, MeterRegistry meters) {
		return new OutboxLagMonitor(queue, transactions, clock, names(consumers), meters);
	}

	@Bean
	OutboxHealthIndicator outboxHealthIndicator(OutboxLagMonitor monitor, ObjectProvider<EventConsumer> consumers,
			OutboxProperties properties) {
		return new OutboxHealthIndicator(monitor, names(consumers), properties.lagWarning());
	}

	@Bean
	OutboxHousekeeping outboxHousekeeping(OutboxQueue queue, Idempotency idempotency, Transactions transactions,
			Clock clock, OutboxProperties properties) {
		return new OutboxHousekeeping(queue, idempotency, transactions, clock, properties);
	}

	private static List<String> names(ObjectProvider<EventConsumer> consumers) {
		return consumers.orderedStream().map(EventConsumer::name).toList();
	}

}
