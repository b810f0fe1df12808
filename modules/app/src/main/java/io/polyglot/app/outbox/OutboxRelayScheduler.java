package io.polyglot.app.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.polyglot.domain.outbox.DeliverOutboxEvents;
import io.polyglot.domain.outbox.DeliverOutboxEvents.Result;
import io.polyglot.domain.outbox.EventConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Schedules {@link DeliverOutboxEvents} in the background: a crew of
 * {@code polyglot.outbox.relay.threads} loops per consumer, so a consumer whose store is
 * down backs off on its own while the others keep receiving. Each crew's lead polls: a
 * full batch is followed at once by the next and wakes the rest of the crew, an empty or
 * partial claim waits the poll interval, a failure waits a capped exponential backoff.
 * The others work only while their claims come back full (a backlog), then go idle until
 * the lead wakes them again, so an idle outbox costs one claim per consumer and poll
 * interval. Claims lease their events, so the loops (and other instances' relays) never
 * deliver the same batch at once.
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
		int threads = this.properties.relay().threads();
		AtomicInteger number = new AtomicInteger();
		ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(Math.max(1, this.consumers.size() * threads),
				(task) -> {
					Thread thread = new Thread(task, "outbox-relay-" + number.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
		pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
		this.executor = pool;
		for (EventConsumer consumer : this.consumers) {
			new Crew(consumer, threads).lead.schedule(Duration.ZERO);
		}
		log.info("Outbox relay started for {}, {} loop(s) each",
				this.consumers.stream().map(EventConsumer::name).toList(), threads);
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

	private boolean full(Result result) {
		return result.claimed() >= this.deliver.batchSize();
	}

	/** The loops of one consumer: the lead and its helpers, with their meters. */
	private final class Crew {

		final EventConsumer consumer;

		final Counter delivered;

		final Counter failures;

		final Lead lead;

		final List<Helper> helpers = new ArrayList<>();

		Crew(EventConsumer consumer, int threads) {
			this.consumer = consumer;
			this.delivered = Counter.builder("polyglot.outbox.delivered")
				.description("Events delivered by the outbox relay")
				.tag("consumer", consumer.name())
				.register(OutboxRelayScheduler.this.meters);
			this.failures = Counter.builder("polyglot.outbox.delivery.failures")
				.description("Failed delivery attempts of the outbox relay")
				.tag("consumer", consumer.name())
				.register(OutboxRelayScheduler.this.meters);
			this.lead = new Lead(this);
			for (int i = 1; i < threads; i++) {
				this.helpers.add(new Helper(this));
			}
		}

		void wakeHelpers() {
			this.helpers.forEach(Helper::wake);
		}

	}

	/** The consumer's polling loop, rescheduling itself. */
	private final class Lead implements Runnable {

		private final Crew crew;

		private int consecutiveFailures;

		Lead(Crew crew) {
			this.crew = crew;
		}

		@Override
		public void run() {
			Duration next;
			try {
				Result result = OutboxRelayScheduler.this.deliver.deliverBatch(this.crew.consumer);
				if (result.failed()) {
					next = failed(result.failure());
				}
				else {
					recovered();
					this.crew.delivered.increment(result.delivered());
					if (full(result)) {
						// a backlog: the rest of the crew claims beside this loop
						this.crew.wakeHelpers();
						next = Duration.ZERO;
					}
					else {
						next = OutboxRelayScheduler.this.properties.pollInterval();
					}
				}
			}
			catch (RuntimeException ex) {
				// the outbox itself (PostgreSQL) is unreachable, or a bug: back off alike
				next = failed(ex);
			}
			schedule(next);
		}

		private Duration failed(RuntimeException failure) {
			this.crew.failures.increment();
			this.consecutiveFailures++;
			if (this.consecutiveFailures == 1) {
				log.warn("Outbox delivery to {} failed, retrying with backoff: {}", this.crew.consumer.name(),
						failure.getMessage());
			}
			OutboxProperties settings = OutboxRelayScheduler.this.properties;
			long factor = 1L << Math.min(this.consecutiveFailures - 1, 20);
			Duration backoff = settings.firstBackoff().multipliedBy(factor);
			return (backoff.compareTo(settings.maxBackoff()) > 0) ? settings.maxBackoff() : backoff;
		}

		private void recovered() {
			if (this.consecutiveFailures > 0) {
				log.info("Outbox delivery to {} recovered after {} failed attempts", this.crew.consumer.name(),
						this.consecutiveFailures);
				this.consecutiveFailures = 0;
			}
		}

		void schedule(Duration delay) {
			OutboxRelayScheduler.this.submit(this, delay);
		}

	}

	/**
	 * A loop that works beside the lead through a backlog: batch after batch while they
	 * come back full, then idle until woken; a failure also makes it idle (the lead backs
	 * off and wakes it again once batches are full).
	 */
	private final class Helper implements Runnable {

		private final Crew crew;

		private final AtomicBoolean idle = new AtomicBoolean(true);

		Helper(Crew crew) {
			this.crew = crew;
		}

		void wake() {
			if (this.idle.compareAndSet(true, false)) {
				OutboxRelayScheduler.this.submit(this, Duration.ZERO);
			}
		}

		@Override
		public void run() {
			boolean again = false;
			try {
				Result result = OutboxRelayScheduler.this.deliver.deliverBatch(this.crew.consumer);
				if (result.failed()) {
					this.crew.failures.increment();
				}
				else {
					this.crew.delivered.increment(result.delivered());
					again = full(result);
				}
			}
			catch (RuntimeException ex) {
				this.crew.failures.increment();
				log.debug("Outbox delivery to {} failed in a helper loop: {}", this.crew.consumer.name(),
						ex.getMessage());
			}
			if (again) {
				OutboxRelayScheduler.this.submit(this, Duration.ZERO);
			}
			else {
				this.idle.set(true);
			}
		}

	}

	private void submit(Runnable loop, Duration delay) {
		ScheduledExecutorService running = this.executor;
		if (running != null && !running.isShutdown()) {
			try {
				running.schedule(loop, delay.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (java.util.concurrent.RejectedExecutionException ex) {
				// the relay is stopping: nothing more to schedule
			}
		}
	}

}
