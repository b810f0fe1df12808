package io.polyglot.bench.workloads;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import io.polyglot.adapter.postgres.PostgresPorts;
import io.polyglot.adapter.redis.RedisPorts;
import io.polyglot.adapter.redis.RedisSessionsWire;
import io.polyglot.bench.harness.BenchContext;
import io.polyglot.bench.harness.Equivalence;
import io.polyglot.bench.harness.Load;
import io.polyglot.bench.stores.Stores;
import io.polyglot.domain.account.Role;
import io.polyglot.domain.session.Session;
import io.polyglot.domain.session.Sessions;
import io.polyglot.domain.shared.CustomerId;

/**
 * Sessions (Redis): create, look up with a sliding touch, revoke. Targets: the Redis
 * adapter (port), the adapter's own commands and Lua scripts through bare Lettuce (raw),
 * and the routing's PostgreSQL sessions adapter, logged and UNLOGGED (baseline).
 */
public final class SessionsWorkload implements Workload {

	private static final Duration IDLE = Duration.ofMinutes(30);

	@Override
	public String concern() {
		return "sessions";
	}

	@Override
	public String store() {
		return "redis";
	}

	@Override
	public Set<String> needs() {
		return Set.of("redis", "postgres");
	}

	@Override
	public void run(BenchContext context, Stores stores) throws Exception {
		Sessions port = RedisPorts.sessions(stores.redisTemplate());
		RedisSessionsWire raw = new RedisSessionsWire(stores.redisRaw().sync());
		String redisLabel = stores.implementations().get("redis");
		DataSource dataSource = stores.postgres();
		String pgLabel = stores.implementations().get("postgres");
		// the routing's PostgreSQL adapter: building it with unlogged=true switches the
		// one sessions table to UNLOGGED (and back), so each baseline run builds its own
		List<Boolean> persistence = List.of(false, true);

		for (long size : context.settings().sizesOr(List.of(10_000L), List.of(10_000L, 100_000L))) {
			String run = UUID.randomUUID().toString().substring(0, 8);
			List<String> hashes = new ArrayList<>();
			List<Session> sessions = new ArrayList<>();
			Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
			List<CustomerId> customers = new ArrayList<>();
			for (int i = 0; i < Math.max(1, size / 3); i++) {
				customers.add(CustomerId.random());
			}
			for (int i = 0; i < size; i++) {
				hashes.add("bench-" + run + "-" + i);
				sessions.add(session(customers.get(i % customers.size()), now));
			}
			context.progress().message("sessions: loading " + size + " sessions into Redis and PostgreSQL");
			Sessions pg = PostgresPorts.sessions(dataSource, false);
			Load.parallel(size, (i) -> {
				port.create(hashes.get((int) i), sessions.get((int) i), IDLE);
				pg.create(hashes.get((int) i), sessions.get((int) i), IDLE);
			});
			// the same look-ups must find the same sessions everywhere (lastSeenAt moves
			// with each touch, so it is left out)
			int n = hashes.size();
			context.check("touch", Equivalence.targets("port",
					(Equivalence.Answer) (i) -> key(port.touch(hashes.get((i * 7919) % n), Instant.now(), IDLE)), "raw",
					(Equivalence.Answer) (i) -> key(raw.touch(hashes.get((i * 7919) % n), Instant.now(), IDLE)),
					"baseline",
					(Equivalence.Answer) (i) -> key(pg.touch(hashes.get((i * 7919) % n), Instant.now(), IDLE))));

			CustomerId creator = CustomerId.random();
			context.measure(concern(), "create", "port", redisLabel, size,
					(op) -> port.create("new-" + run + "-p-" + op, session(creator, Instant.now()), IDLE));
			context.measure(concern(), "create", "raw", redisLabel, size,
					(op) -> raw.create("new-" + run + "-r-" + op, session(creator, Instant.now()), IDLE));
			for (boolean unlogged : persistence) {
				Sessions table = PostgresPorts.sessions(dataSource, unlogged);
				context.measure(concern(), "create", "baseline", label(pgLabel, unlogged), size, (op) -> table
					.create("new-" + run + "-" + unlogged + "-" + op, session(creator, Instant.now()), IDLE));
			}

			context.measure(concern(), "touch", "port", redisLabel, size,
					(op) -> require(port.touch(hashes.get((int) ((op * 7919) % n)), Instant.now(), IDLE)));
			context.measure(concern(), "touch", "raw", redisLabel, size,
					(op) -> require(Optional.of(raw.touch(hashes.get((int) ((op * 7919) % n)), Instant.now(), IDLE))
						.filter((f) -> !f.isEmpty())));
			for (boolean unlogged : persistence) {
				Sessions table = PostgresPorts.sessions(dataSource, unlogged);
				context.measure(concern(), "touch", "baseline", label(pgLabel, unlogged), size,
						(op) -> require(table.touch(hashes.get((int) ((op * 7919) % n)), Instant.now(), IDLE)));
			}

			// revokes walk the loaded sessions in order; past the end they find ended
			// ones (each target revokes its own copy, so all start from the same state)
			context.measure(concern(), "revoke", "port", redisLabel, size,
					(op) -> port.revoke(hashes.get((int) (op % n))));
			Load.parallel(size, (i) -> port.create(hashes.get((int) i), sessions.get((int) i), IDLE));
			context.measure(concern(), "revoke", "raw", redisLabel, size,
					(op) -> raw.revoke(hashes.get((int) (op % n))));
			for (boolean unlogged : persistence) {
				Sessions table = PostgresPorts.sessions(dataSource, unlogged);
				if (unlogged) {
					Load.parallel(size, (i) -> table.create(hashes.get((int) i), sessions.get((int) i), IDLE));
				}
				context.measure(concern(), "revoke", "baseline", label(pgLabel, unlogged), size,
						(op) -> table.revoke(hashes.get((int) (op % n))));
			}
		}
		context.note("sessions: the baseline is the routing's PostgreSQL adapter (table sessions, expiry by an "
				+ "expires_at column), logged and UNLOGGED; raw sends the Redis adapter's own commands, keys and "
				+ "scripts through bare Lettuce.");
	}

	private static String label(String pgLabel, boolean unlogged) {
		return pgLabel + (unlogged ? " sessions UNLOGGED" : " sessions");
	}

	private static Session session(CustomerId customer, Instant now) {
		return new Session(UUID.randomUUID().toString(), customer, Set.of(Role.CUSTOMER), now, now,
				now.plus(Duration.ofHours(12)));
	}

	private static void require(Optional<?> found) {
		if (found.isEmpty()) {
			throw new IllegalStateException("session not found");
		}
	}

	private static String key(Optional<Session> session) {
		return session.map(
				(s) -> s.id() + "|" + s.customerId() + "|" + s.roles() + "|" + s.createdAt() + "|" + s.absoluteExpiry())
			.orElse("none");
	}

	private static String key(Map<String, String> fields) {
		if (fields.isEmpty()) {
			return "none";
		}
		return fields.get("id") + "|" + fields.get("customerId") + "|[" + fields.get("roles") + "]|"
				+ fields.get("createdAt") + "|" + fields.get("absoluteExpiry");
	}

}
