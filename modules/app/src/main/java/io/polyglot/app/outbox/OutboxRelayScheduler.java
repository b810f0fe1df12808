package io.polyglot.app.outbox;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.polyglot.domain.outbox.DeliverOutboxEvents;
import io.polyglot.domain.outbox.DeliverOutboxEvents.Result;
import io.polyglot.domain.outbox.EventConsumer;
import io.polyglot.domain.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Schedules {@link DeliverOutboxEvents} in the background: one loop per consumer, so a
 * consumer whose store is down backs off on its own while the others keep receiving. A
 * full batch is followed at once by the next; an empty claim waits the poll interval; a
 * failure waits a capped exponential backoff.
 */
public final class OutboxRelayScheduler implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelayScheduler.class);

	private final DeliverOutboxEvents deliver;

	private final List<EventConsumer> consumers;

	private final OutboxProperties properties;

	private final MeterRegistry meters;

	private volatile ScheduledExecutorService executor;

	public OutboxRelayScheduler(DeliverOutboxEvents deliver, List<EventConsumer> consumers, OutboxProperties properties,
			MeterRegistry meters) {
		this.deliver = deliver;
		this.consumers = List.copyOf(consumers);
		this.properties = properties;
		this.meters = meters;
	}

	@Override
	public void start() {
		ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(Math.max(1, this.consumers.size()),
				(task) -> {
					Thread thread = new Thread(task, "outbox-relay");
					thread.setDaemon(true);
					return thread;
				});
		pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
		this.executor = pool;
		for (EventConsumer consumer : this.consumers) {
			new Loop(consumer).schedule(Duration.ZERO);
		}
		log.info("Outbox relay started for {}", this.consumers.stream().map(EventConsumer::name).toList());
	}

	@Override
	public void stop() {
		ScheduledExecutorService running = this.executor;
		this.executor = null;
		if (running != null) {
			running.shutdownNow();
			try {
				running.awaitTermination(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.executor != null;
	}

	/** The relay loop of one consumer, rescheduling itself. */
	private final class Loop implements Runnable {

		private final EventConsumer consumer;

		private final Counter delivered;

		private final Counter failures;

		private int consecutiveFailures;

		Loop(EventConsumer consumer) {
			this.consumer = consumer;
			this.delivered = Counter.builder("polyglot.outbox.delivered")
				.description("Events delivered by the outbox relay")
				.tag("consumer", consumer.name())
				.register(OutboxRelayScheduler.this.meters);
			this.failures = Counter.builder("polyglot.outbox.delivery.failures")
				.description("Failed delivery attempts of the outbox relay")
				.tag("consumer", consumer.name())
				.register(OutboxRelayScheduler.this.meters);
		}

		@Override
		public void run() {
			Duration next;
			try {
				Result result = OutboxRelayScheduler.this.deliver.deliverBatch(this.consumer);
				if (result.failed()) {
					next = failed(result.failure());
				}
				else {
					recovered();
					this.delivered.increment(result.delivered());
					next = (result.delivered() >= OutboxRelayScheduler.this.properties.batchSize()) ? Duration.ZERO
							: OutboxRelayScheduler.this.properties.pollInterval();
				}
			}
			catch (RuntimeException ex) {
				// the outbox itself (PostgreSQL) is unreachable, or a bug: back off alike
				next = failed(ex);
			}
			schedule(next);
		}

		private Duration failed(RuntimeException failure) {
			this.failures.increment();
			this.consecutiveFailures++;
			if (this.consecutiveFailures == 1) {
				log.warn("Outbox delivery to {} failed, retrying with backoff: {}", this.consumer.name(),
						failure.getMessage());
			}
			OutboxProperties settings = OutboxRelayScheduler.this.properties;
			long factor = 1L << Math.min(this.consecutiveFailures - 1, 20);
			Duration backoff = settings.firstBackoff().multipliedBy(factor);
			return (backoff.compareTo(settings.maxBackoff()) > 0) ? settings.maxBackoff() : backoff;
		}

		private void recovered() {
			if (this.consecutiveFailures > 0) {
				log.info("Outbox delivery to {} recovered after {} failed attempts", this.consumer.name(),
						this.consecutiveFailures);
				this.consecutiveFailures = 0;
			}
		}

		void schedule(Duration delay) {
			ScheduledExecutorService running = OutboxRelayScheduler.this.executor;
			if (running != null && !running.isShutdown()) {
				try {
					running.schedule(this, delay.toMillis(), TimeUnit.MILLISECONDS);
				}
				catch (java.util.concurrent.RejectedExecutionException ex) {
					// the relay is stopping: nothing more to schedule
				}
			}
		}

	}

}
