package io.polyglot.bench.workloads;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import io.polyglot.adapter.cassandra.CassandraEventLog;
import io.polyglot.adapter.cassandra.CassandraPorts;
import io.polyglot.adapter.postgres.PostgresPorts;
import io.polyglot.bench.baseline.Sql;
import io.polyglot.bench.harness.BenchContext;
import io.polyglot.bench.harness.Row;
import io.polyglot.bench.stores.Stores;
import io.polyglot.domain.eventlog.DomainEvent;
import io.polyglot.domain.eventlog.EventStream;
import io.polyglot.domain.outbox.DeliverOutboxEvents;
import io.polyglot.domain.outbox.EventConsumer;
import io.polyglot.domain.outbox.OutboxQueue;
import io.polyglot.domain.shared.Clock;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.Transactions;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * The outbox relay (PostgreSQL → Cassandra): a backlog of {@code DepositMade} events over
 * 5,000 account streams drained by {@link DeliverOutboxEvents} into the Cassandra event
 * log, once per relay-loop count ({@code --clients}: loops working the same consumer at
 * once, as the service's {@code polyglot.outbox.relay.threads}); each count drains a
 * fresh backlog of {@code --size} events.
 */
public final class OutboxWorkload implements Workload {

	/**
	 * The service's default batch size; more with
	 * {@code -Dbench.outbox.batches=500,2000}.
	 */
	static final int BATCH = 500;

	private static List<Integer> batchSizes() {
		String given = System.getProperty("bench.outbox.batches", String.valueOf(BATCH));
		return Arrays.stream(given.split(",")).map(String::trim).map(Integer::parseInt).toList();
	}

	@Override
	public String concern() {
		return "outbox";
	}

	@Override
	public String store() {
		return "postgres";
	}

	@Override
	public Set<String> needs() {
		return Set.of("postgres", "cassandra");
	}

	@Override
	public void run(BenchContext context, Stores stores) throws Exception {
		DataSource dataSource = stores.postgres();
		PostgresPorts.migrate(dataSource);
		Transactions transactions = PostgresPorts.transactions(dataSource);
		// -Dbench.cassandra.batch-partitions=1 measures the per-partition batching of
		// before
		int batchPartitions = Integer.getInteger("bench.cassandra.batch-partitions",
				CassandraPorts.DEFAULT_BATCH_PARTITIONS);
		CassandraEventLog eventLog = CassandraPorts.eventLog(stores.cassandra(), Stores.NAMESPACE, batchPartitions);
		context.note("outbox: unlogged batches span at most " + batchPartitions
				+ " partitions of one replica set (bench.cassandra.batch-partitions; the service's "
				+ "polyglot.cassandra.batch-partitions)");
		// creates and migrates the keyspace now, so the first timed drain does not
		// include it
		eventLog.ownerOf(EventStream.account(UUID.randomUUID()));
		long events = context.settings().sizesOr(List.of(20_000L), List.of(100_000L)).get(0);
		String label = stores.implementations().get("postgres") + " → " + stores.implementations().get("cassandra");
		int round = 0;
		for (int batch : batchSizes()) {
			for (int loops : context.settings().clients()) {
				drain(context, new Sql(dataSource), dataSource, transactions, eventLog, label, events, loops, batch,
						round++);
			}
		}
		for (int loops : context.settings().clients()) {
			cassandraOnly(context, eventLog, stores.implementations().get("cassandra"), events, loops);
		}
		context.note("outbox: the raw rows are the ceiling the relay works under: the same number of events "
				+ "appended straight to the Cassandra event log (same adapter, batches of " + BATCH
				+ ", same loop count), no PostgreSQL at all.");
		context.note("outbox: rows count events (throughput = events/s over the whole drain); clients = relay "
				+ "loops on the same consumer; the workload is outbox-drain-<batch size>; latencies are per relay "
				+ "batch (claim, deliver to Cassandra, mark delivered).");
	}

	private void drain(BenchContext context, Sql sql, DataSource dataSource, Transactions transactions,
			CassandraEventLog eventLog, String label, long events, int loops, int batch, int round) throws Exception {
		String consumer = "bench-drain-" + round;
		long before = sql.query("SELECT coalesce(max(position), 0) FROM outbox", (row) -> row.getLong(1)).get(0);
		sql.update("""
				WITH owners AS (
				    SELECT n, gen_random_uuid() AS account, gen_random_uuid() AS owner FROM generate_series(1, 5000) n)
				INSERT INTO outbox (event_id, stream, type, owner_id, occurred_at, payload)
				SELECT gen_random_uuid(), 'account:' || o.account, 'DepositMade', o.owner,
				       now() - (? - g) * interval '1 millisecond',
				       jsonb_build_object('amount', '1.00', 'currency', 'EUR', 'seq', g::text)
				FROM generate_series(1, ?) g JOIN owners o ON o.n = 1 + g % 5000""", events, events);
		sql.update("""
				INSERT INTO outbox_delivery (position, consumer, next_attempt_at)
				SELECT position, ?, now() - interval '1 hour' FROM outbox WHERE position > ?""", consumer, before);
		sql.execute("VACUUM ANALYZE outbox_delivery");
		// where a batch's time goes: the claim and the mark (PostgreSQL), the delivery
		// (Cassandra), summed over all loops
		Phases phases = new Phases();
		EventConsumer renamed = new EventConsumer() {
			@Override
			public String name() {
				return consumer;
			}

			@Override
			public void deliver(List<DomainEvent> batch) {
				long began = System.nanoTime();
				eventLog.deliver(batch);
				phases.deliver.addAndGet(System.nanoTime() - began);
			}
		};
		DeliverOutboxEvents relay = new DeliverOutboxEvents(
				new TimedQueue(PostgresPorts.outboxQueue(dataSource, List.of(consumer)), phases), transactions,
				Clock.system(), batch, Duration.ofSeconds(1), Duration.ofSeconds(5), DeliverOutboxEvents.DEFAULT_LEASE);
		context.progress()
			.message("outbox: " + loops + " relay loop(s), batches of " + batch + ", draining " + events
					+ " outbox events into Cassandra");
		Histogram batches = new ConcurrentHistogram(3_600_000_000_000L, 3);
		AtomicLong delivered = new AtomicLong();
		AtomicLong failures = new AtomicLong();
		AtomicReference<String> firstError = new AtomicReference<>("");
		long start = System.nanoTime();
		onLoops(loops, () -> {
			while (failures.get() <= 100) {
				long began = System.nanoTime();
				DeliverOutboxEvents.Result result = relay.deliverBatch(renamed);
				if (result.failed()) {
					failures.incrementAndGet();
					firstError.compareAndSet("", String.valueOf(result.failure()));
					continue;
				}
				if (result.claimed() == 0) {
					return;
				}
				batches.recordValue(System.nanoTime() - began);
				delivered.addAndGet(result.delivered());
			}
		});
		double seconds = (System.nanoTime() - start) / 1e9;
		long undelivered = sql
			.query("SELECT count(*) FROM outbox_delivery WHERE consumer = ? AND delivered_at IS NULL",
					(row) -> row.getLong(1), consumer)
			.get(0);
		context.add(row("outbox-drain-" + batch, "port", label, events, loops, delivered.get(), failures.get(), seconds,
				batches, firstError.get()));
		String split = phases.split();
		context.progress()
			.message(String.format(Locale.ROOT,
					"  outbox drain, %d loop(s) x %d: %,d events in %.1f s = %,.0f events/s (%d failed batches, %d left); %s",
					loops, batch, delivered.get(), seconds, delivered.get() / seconds, failures.get(), undelivered,
					split));
		context.note("outbox: " + loops + " loop(s), batches of " + batch + ": " + split);
		if (undelivered != 0) {
			context.note("outbox: " + loops + " loop(s) left " + undelivered + " of " + events + " events undelivered");
		}
	}

	/**
	 * The same events straight into the event log, batch by batch on {@code loops}
	 * threads: what Cassandra and the adapter manage without the outbox around them.
	 */
	private void cassandraOnly(BenchContext context, CassandraEventLog eventLog, String label, long events, int loops)
			throws Exception {
		List<EventStream> streams = new ArrayList<>();
		List<CustomerId> owners = new ArrayList<>();
		for (int i = 0; i < 5000; i++) {
			streams.add(EventStream.account(UUID.randomUUID()));
			owners.add(CustomerId.random());
		}
		Instant base = Instant.now().minusSeconds(3600);
		AtomicLong next = new AtomicLong();
		Histogram batches = new ConcurrentHistogram(3_600_000_000_000L, 3);
		AtomicLong appended = new AtomicLong();
		long start = System.nanoTime();
		onLoops(loops, () -> {
			while (true) {
				long first = next.getAndAdd(BATCH);
				if (first >= events) {
					return;
				}
				List<DomainEvent> batch = new ArrayList<>();
				for (long g = first; g < Math.min(events, first + BATCH); g++) {
					int n = (int) (g % 5000);
					batch.add(DomainEvent.of(streams.get(n), "DepositMade", base.plusMillis(g), owners.get(n),
							Map.of("amount", "1.00", "currency", "EUR", "seq", Long.toString(g))));
				}
				long began = System.nanoTime();
				eventLog.deliver(batch);
				batches.recordValue(System.nanoTime() - began);
				appended.addAndGet(batch.size());
			}
		});
		double seconds = (System.nanoTime() - start) / 1e9;
		context.add(row("outbox-drain-" + BATCH, "raw", label + " (event log only)", events, loops, appended.get(), 0,
				seconds, batches, ""));
		context.progress()
			.message(String.format(Locale.ROOT,
					"  event log only, %d loop(s) x %d: %,d events in %.1f s = %,.0f events/s", loops, BATCH,
					appended.get(), seconds, appended.get() / seconds));
	}

	/** Runs the loop body on {@code loops} threads at once and waits for all of them. */
	private static void onLoops(int loops, Runnable body) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(loops);
		try {
			List<Future<?>> running = new ArrayList<>();
			for (int i = 0; i < loops; i++) {
				running.add(pool.submit(body));
			}
			for (Future<?> loop : running) {
				loop.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** A drain's row: throughput in events/s, latencies per batch. */
	private Row row(String workload, String target, String store, long events, int loops, long ops, long errors,
			double seconds, Histogram batches, String firstError) {
		return new Row(concern(), workload, target, store, events, loops, null, 1, ops, errors, seconds, ops / seconds,
				batches.getValueAtPercentile(50) / 1e6, batches.getValueAtPercentile(90) / 1e6,
				batches.getValueAtPercentile(99) / 1e6, batches.getValueAtPercentile(99.9) / 1e6,
				batches.getMaxValue() / 1e6, firstError);
	}

	/** Time spent in each phase of a delivery, summed over every loop and batch. */
	private static final class Phases {

		final AtomicLong claim = new AtomicLong();

		final AtomicLong deliver = new AtomicLong();

		final AtomicLong mark = new AtomicLong();

		String split() {
			double total = this.claim.get() + this.deliver.get() + this.mark.get();
			return String.format(Locale.ROOT,
					"loop time in PostgreSQL claim %.0f%%, Cassandra delivery %.0f%%, PostgreSQL mark %.0f%%",
					100 * this.claim.get() / total, 100 * this.deliver.get() / total, 100 * this.mark.get() / total);
		}

	}

	/** The real queue, timing each call (its short transaction is timed with it). */
	private record TimedQueue(OutboxQueue delegate, Phases phases) implements OutboxQueue {

		@Override
		public Claim claim(String consumer, int max, Instant now, Duration leaseFor) {
			long began = System.nanoTime();
			try {
				return this.delegate.claim(consumer, max, now, leaseFor);
			}
			finally {
				this.phases.claim.addAndGet(System.nanoTime() - began);
			}
		}

		@Override
		public int markDelivered(Claim claim, Instant now) {
			long began = System.nanoTime();
			try {
				return this.delegate.markDelivered(claim, now);
			}
			finally {
				this.phases.mark.addAndGet(System.nanoTime() - began);
			}
		}

		@Override
		public int markFailed(Claim claim, Instant now, Duration firstBackoff, Duration maxBackoff, String error) {
			return this.delegate.markFailed(claim, now, firstBackoff, maxBackoff, error);
		}

		@Override
		public List<OutboxLag> lag(Instant now) {
			return this.delegate.lag(now);
		}

		@Override
		public int prune(Instant deliveredBefore, int max) {
			return this.delegate.prune(deliveredBefore, max);
		}

	}

}
