package io.polyglot.domain.demo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import io.polyglot.domain.shared.StoreUnavailableException;
import io.polyglot.domain.shared.ValidationException;

/**
 * The architecture demos as use cases: each runs one question against the stores through
 * the demo ports, checks its input, and explains what the figures show. The demos never
 * read or write customers' data.
 */
public final class ArchitectureDemos {

	/** Countries of the demo sessions. */
	public static final List<String> COUNTRIES = List.of("ES", "FR", "DE", "IT", "PT", "NL");

	private static final Pattern PRODUCT_NAME = Pattern.compile("[\\p{L}\\p{N} .,'&()-]{1,60}");

	private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{32}");

	private final IntegrityPlayground relationalIntegrity;

	private final IntegrityPlayground documentIntegrity;

	private final CustomerOrdersPlayground joined;

	private final CustomerOrdersPlayground embedded;

	private final SessionPlayground sessions;

	private final PartitionPlayground partitions;

	private final FriendGraphPlayground graph;

	private final FriendGraphPlayground recursiveSql;

	private final TransferPlayground acid;

	private final TransferPlayground base;

	private final DemoOutbox outbox;

	private final DemoEventLog eventLog;

	private final IndexPlayground index;

	private final List<DemoData> all;

	private final Random tokens = new java.security.SecureRandom();

	public ArchitectureDemos(Stores stores) {
		this.relationalIntegrity = stores.relationalIntegrity();
		this.documentIntegrity = stores.documentIntegrity();
		this.joined = stores.joined();
		this.embedded = stores.embedded();
		this.sessions = stores.sessions();
		this.partitions = stores.partitions();
		this.graph = stores.graph();
		this.recursiveSql = stores.recursiveSql();
		this.acid = stores.acid();
		this.base = stores.base();
		this.outbox = stores.outbox();
		this.eventLog = stores.eventLog();
		this.index = stores.index();
		this.all = List.of(this.relationalIntegrity, this.documentIntegrity, this.joined, this.embedded, this.sessions,
				this.partitions, this.graph, this.recursiveSql, this.acid, this.base, this.outbox, this.eventLog,
				this.index);
	}

	/** Demo 1: constraints in the engine vs rules left to the application. */
	public DemoRun integrity() {
		Played sql = this.relationalIntegrity.tryRows();
		Played documents = this.documentIntegrity.tryRows();
		Map<String, Object> findings = new LinkedHashMap<>();
		findings.put("postgres", sql.findings());
		findings.put("mongodb", documents.findings());
		return new DemoRun("integrity", concat(sql, documents), findings,
				"The same six writes went to both stores: a customer, an order, then one row per rule "
						+ "(duplicate id, duplicate email, an order for a customer that does not exist, a negative "
						+ "total). PostgreSQL refused all four bad rows because the rules live in the schema "
						+ "(PRIMARY KEY, UNIQUE, FOREIGN KEY, CHECK). MongoDB refused only the duplicate _id: "
						+ "without a unique index or schema validation it stores the duplicate email, the orphan "
						+ "order and the negative total, and every reader now has to cope with them. A document "
						+ "store has a schema too; it lives in the application's code.");
	}

	/** Demo 2a: one customer with their orders, as a JOIN and as one document. */
	public DemoRun customerWithOrders() {
		Played sql = this.joined.readCustomer(DemoShop.ANA_EMAIL);
		Played document = this.embedded.readCustomer(DemoShop.ANA_EMAIL);
		return new DemoRun("documents", concat(sql, document),
				Map.of("postgres", sql.findings(), "mongodb", document.findings()),
				"Normalized, PostgreSQL keeps customers, orders, lines and products once each and composes "
						+ "them at read time with JOINs: any question can be asked later. The document store keeps "
						+ "Ana López with her orders embedded, so one lookup by key returns the whole page's data "
						+ "with no JOIN; the price is that product names are copied into every order document.");
	}

	/** Demo 2b: renaming a product that one store keeps once and the other copies. */
	public DemoRun renameProduct(String newName) {
		String name = (newName == null) ? "" : newName.strip();
		if (!PRODUCT_NAME.matcher(name).matches()) {
			throw new ValidationException("name",
					"must be 1 to 60 letters, digits, spaces or . , ' & ( ) - characters");
		}
		Played sql = this.joined.renameProduct(DemoShop.RENAMED_SKU, name);
		Played documents = this.embedded.renameProduct(DemoShop.RENAMED_SKU, name);
		return new DemoRun("rename", concat(sql, documents),
				Map.of("sku", DemoShop.RENAMED_SKU, "postgres", sql.findings(), "mongodb", documents.findings()),
				"PostgreSQL changes one row; every JOIN sees the new name at once. In the document store the "
						+ "name is copied into every order that contains the product, so the rename is one write "
						+ "per document, and until the last one lands some documents show the old name and some "
						+ "the new: a reader in that window sees copies that disagree. Embedding buys single-read "
						+ "pages at the cost of this fan-out on every change of a copied value.");
	}

	/** Demo 3a: a session stored under its key with a time to live. */
	public DemoRun startSession(int ttlSeconds) {
		if (ttlSeconds < 1 || ttlSeconds > 3600) {
			throw new ValidationException("ttlSeconds", "must be between 1 and 3600");
		}
		byte[] bytes = new byte[16];
		this.tokens.nextBytes(bytes);
		StringBuilder token = new StringBuilder();
		for (byte b : bytes) {
			token.append(String.format("%02x", b));
		}
		Played played = this.sessions.start(token.toString(), DemoShop.ANA_ID, "ES", ttlSeconds);
		Map<String, Object> findings = new LinkedHashMap<>(played.findings());
		findings.put("token", token.toString());
		findings.put("ttlSeconds", ttlSeconds);
		return new DemoRun("session", played.steps(), findings,
				"The session is one value under one exact key, written with a time to live: Redis deletes it "
						+ "by itself when the TTL runs out, so there is no clean-up job. Reading it back is one GET "
						+ "by key, typically well under a millisecond. Watch the TTL count down until GET answers "
						+ "nil.");
	}

	/** Demo 3b: reading a session back by key. */
	public DemoRun readSession(String token) {
		if (token == null || !TOKEN.matcher(token).matches()) {
			throw new ValidationException("token", "must be the 32 hex digits a started demo session returned");
		}
		Played played = this.sessions.read(token);
		return new DemoRun("session-read", played.steps(), played.findings(),
				"A read by exact key: the only question a key-value store answers directly.");
	}

	/** Demo 3c: "which sessions belong to customers in this country?". */
	public DemoRun sessionsIn(String country) {
		String code = (country == null) ? "" : country.strip().toUpperCase(Locale.ROOT);
		if (!COUNTRIES.contains(code)) {
			throw new ValidationException("country", "must be one of " + COUNTRIES);
		}
		Played played = this.sessions.sessionsIn(code);
		return new DemoRun("sessions-by-country", played.steps(), played.findings(),
				"Redis knows keys, not what is inside the values. To find the sessions of customers in " + code
						+ " without an index it has to SCAN every demo session key and read every value, "
						+ "work that grows with all sessions, not with the answer. The fast path is an index the "
						+ "application maintains itself (a set per country, added to on every login), and it goes "
						+ "stale: members whose session already expired stay in the set until the application "
						+ "removes them. A relational or document store would answer with a secondary index it "
						+ "keeps consistent for you.");
	}

	/** Demo 4: a time-range read over (stream, day) partitions. */
	public DemoRun partitions(String stream, int days) {
		if (!Set.of("account:demo-1", "account:demo-2", "account:demo-3").contains(stream)) {
			throw new ValidationException("stream", "must be account:demo-1, account:demo-2 or account:demo-3");
		}
		if (days < 1 || days > 30) {
			throw new ValidationException("days", "must be between 1 and 30");
		}
		Played played = this.partitions.readDays(stream, days);
		return new DemoRun("partitions", played.steps(), played.findings(),
				"Each event lands in the partition of its (stream, day), so a partition never grows beyond one "
						+ "stream's day. A read of the last " + days + " day(s) asks exactly those partitions by "
						+ "their full key; the other days are never touched, however long the history. Keyed by "
						+ "stream alone, the same events pile into one partition that grows for ever: reads of a "
						+ "range still work, but the partition lives on one replica set, is compacted and repaired "
						+ "as one unit and eventually exceeds the usual guidance (well under ~100 MB per "
						+ "partition). Cassandra makes you design the key around the query; a question the key "
						+ "does not answer (\"all DepositMade events of any stream\") needs another table.");
	}

	/** Demo 5: friends-of-friends at depth 1..maxDepth in Cypher and recursive SQL. */
	public DemoRun friendsOfFriends(int maxDepth, int person) {
		if (maxDepth < 1 || maxDepth > 4) {
			throw new ValidationException("maxDepth", "must be between 1 and 4");
		}
		DemoGraph demoGraph = DemoGraph.standard();
		if (person < 1 || person > demoGraph.people()) {
			throw new ValidationException("person", "must be between 1 and " + demoGraph.people());
		}
		List<DemoStep> steps = new ArrayList<>();
		steps.addAll(this.graph.ensureLoaded(demoGraph).steps());
		steps.addAll(this.recursiveSql.ensureLoaded(demoGraph).steps());
		List<Map<String, Object>> series = new ArrayList<>();
		for (int depth = 1; depth <= maxDepth; depth++) {
			Measured cypher = measure(this.graph, person, depth);
			Measured sql = measure(this.recursiveSql, person, depth);
			steps.add(cypher.step());
			steps.add(sql.step());
			Map<String, Object> point = new LinkedHashMap<>();
			point.put("depth", depth);
			point.put("neo4jMillis", cypher.step().millis());
			point.put("postgresMillis", sql.step().millis());
			point.put("neo4jReached", cypher.reached());
			point.put("postgresReached", sql.reached());
			series.add(point);
		}
		Map<String, Object> findings = new LinkedHashMap<>();
		findings.put("people", demoGraph.people());
		findings.put("friendships", demoGraph.edges().size());
		findings.put("person", person);
		findings.put("byDepth", series);
		return new DemoRun("graph", steps, findings,
				"Both stores hold the same generated graph (" + demoGraph.people() + " people, "
						+ demoGraph.edges().size() + " friendships) and count the same people at each depth. "
						+ "Neo4j follows relationships stored next to each node (index-free adjacency), so its cost "
						+ "follows the paths it walks. PostgreSQL answers with a recursive CTE that joins the "
						+ "friendships table once per level; it works, and on a small graph it can even be quick, "
						+ "but every level is another join over an ever larger frontier and the query is harder to "
						+ "write and to bound. Each time is the best of three runs, measured now on this machine.");
	}

	private static Measured measure(FriendGraphPlayground store, int person, int depth) {
		Played best = null;
		for (int run = 0; run < 3; run++) {
			Played played = store.reachable(person, depth);
			if (best == null || played.steps().get(0).millis() < best.steps().get(0).millis()) {
				best = played;
			}
		}
		return new Measured(best.steps().get(0), best.findings().get("reached"));
	}

	/** Demo 6a: concurrent transfers with a failure between debit and credit. */
	public DemoRun transfers(int count, int threads, int failEvery) {
		if (count < 1 || count > 2000) {
			throw new ValidationException("transfers", "must be between 1 and 2000");
		}
		if (threads < 1 || threads > 16) {
			throw new ValidationException("threads", "must be between 1 and 16");
		}
		if (failEvery < 0 || failEvery > 100) {
			throw new ValidationException("failEvery", "must be between 0 (no failures) and 100");
		}
		List<DemoStep> steps = new ArrayList<>();
		Map<String, Object> findings = new LinkedHashMap<>();
		for (TransferPlayground store : List.of(this.acid, this.base)) {
			Map<String, Object> figures = race(store, count, threads, failEvery);
			steps.add(new DemoStep(store.store(), String.join("\n", store.statements()),
					DemoSteps.params("transfers", count, "threads", threads, "failure injected every", failEvery),
					DemoStep.Outcome.OK, "total before " + figures.get("totalBefore") + ", after "
							+ figures.get("totalAfter") + " (drift " + figures.get("drift") + ")",
					(double) figures.get("millis")));
			findings.put(store.store(), figures);
		}
		return new DemoRun("transfers", steps, findings,
				"Both stores ran the same " + count + " concurrent transfers between 10 accounts, and every "
						+ (failEvery == 0 ? "—no" : failEvery + "th") + " transfer failed after the debit and "
						+ "before the credit. In PostgreSQL each transfer is one transaction that locks both rows: "
						+ "a failure rolls the debit back, concurrent transfers wait for each other, and the total "
						+ "is the same at the end. The document store version does the same two writes without a "
						+ "transaction (read the balances, write the debit, write the credit): a failure leaves "
						+ "the debit without its credit (money destroyed) and concurrent read-modify-writes "
						+ "overwrite each other (money destroyed or created), so the total drifts.");
	}

	private static Map<String, Object> race(TransferPlayground store, int count, int threads, int failEvery) {
		int accounts = 10;
		store.open(accounts, 100_000);
		long before = store.total();
		AtomicInteger committed = new AtomicInteger();
		AtomicInteger failed = new AtomicInteger();
		long start = System.nanoTime();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				int n = i;
				futures.add(pool.submit(() -> {
					Random random = new Random(n);
					int from = 1 + random.nextInt(accounts);
					int to = 1 + (from + random.nextInt(accounts - 1)) % accounts;
					boolean fail = failEvery > 0 && n % failEvery == failEvery - 1;
					try {
						store.transfer(from, to, 100 + random.nextInt(900), () -> {
							if (fail) {
								throw new InjectedFailure();
							}
						});
						committed.incrementAndGet();
					}
					catch (InjectedFailure ex) {
						failed.incrementAndGet();
					}
				}));
			}
			for (Future<?> future : futures) {
				try {
					future.get(2, TimeUnit.MINUTES);
				}
				catch (java.util.concurrent.ExecutionException ex) {
					if (ex.getCause() instanceof RuntimeException runtime) {
						throw runtime;
					}
					throw new IllegalStateException(ex.getCause());
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
		catch (java.util.concurrent.TimeoutException ex) {
			throw new StoreUnavailableException(store.store(), "demo transfers did not finish in time", ex);
		}
		finally {
			pool.shutdownNow();
		}
		double millis = DemoSteps.millisSince(start);
		long after = store.total();
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("transactional", store.transactional());
		figures.put("totalBefore", money(before));
		figures.put("totalAfter", money(after));
		figures.put("drift", money(after - before));
		figures.put("committed", committed.get());
		figures.put("failedBetweenDebitAndCredit", failed.get());
		figures.put("millis", millis);
		return figures;
	}

	/** Demo 6b: a committed transfer reaches the event log only when the relay runs. */
	public DemoRun eventualConsistency(int relayPauseMillis) {
		if (relayPauseMillis < 0 || relayPauseMillis > 10_000) {
			throw new ValidationException("relayPauseMillis", "must be between 0 and 10000");
		}
		UUID eventId = UUID.randomUUID();
		List<DemoStep> steps = new ArrayList<>();
		long start = System.nanoTime();
		steps.addAll(this.outbox.commitTransfer(eventId).steps());
		double committedAt = DemoSteps.millisSince(start);
		Played before = this.eventLog.find(eventId);
		steps.addAll(before.steps());
		double seenBeforeRelay = DemoSteps.millisSince(start);
		sleep(relayPauseMillis);
		DemoOutbox.Claim claim = this.outbox.claim(500);
		steps.addAll(claim.played().steps());
		steps.addAll(this.eventLog.append(claim.events()).steps());
		steps.addAll(
				this.outbox.markDelivered(claim.events().stream().map(DemoOutbox.RelayedEvent::id).toList()).steps());
		Played after = this.eventLog.find(eventId);
		steps.addAll(after.steps());
		double visibleAt = DemoSteps.millisSince(start);
		Map<String, Object> findings = new LinkedHashMap<>();
		findings.put("eventId", eventId.toString());
		findings.put("committedAtMillis", committedAt);
		findings.put("foundRightAfterCommit", before.findings().get("found"));
		findings.put("checkedAtMillis", seenBeforeRelay);
		findings.put("relayPausedMillis", relayPauseMillis);
		findings.put("eventsRelayed", claim.events().size());
		findings.put("foundAfterRelay", after.findings().get("found"));
		findings.put("visibleAtMillis", visibleAt);
		findings.put("lagMillis", Math.round((visibleAt - committedAt) * 1000) / 1000.0);
		return new DemoRun("eventual", steps, findings,
				"The transfer and its event were committed together in PostgreSQL, so the event cannot be lost. "
						+ "The event log in Cassandra is another store: it shows the transfer only after the relay "
						+ "has claimed the outbox row, appended it and marked it delivered. Until then a reader of "
						+ "the log sees the old state; that gap is the lag (here the relay was held for "
						+ relayPauseMillis + " ms to widen it). This demo runs the relay's claim, append and mark "
						+ "steps itself on demo tables; the service's own relay does the same in the background "
						+ "and reports its backlog in the store map.");
	}

	/** Demo 7: a query before and after an index. */
	public DemoRun index() {
		Played played = this.index.beforeAndAfter();
		return new DemoRun("index", played.steps(), played.findings(),
				"The same lookup by email over the demo orders table, first with no index (PostgreSQL reads "
						+ "every row: a sequential scan), then after one CREATE INDEX (it goes straight to the few "
						+ "matching rows). Slow queries are often a missing index, not a reason to change the data "
						+ "model or the store: measure before migrating.");
	}

	/** Demo 8: the selection questions. */
	public List<StoreChoice.Question> questions() {
		return StoreChoice.QUESTIONS;
	}

	/**
	 * Drops the demo data of every store; a store that is down is reported, the others
	 * are still reset.
	 */
	public Map<String, String> reset() {
		Map<String, String> results = new LinkedHashMap<>();
		for (DemoData data : this.all) {
			String previous = results.get(data.store());
			try {
				data.reset();
				results.putIfAbsent(data.store(), "reset");
			}
			catch (StoreUnavailableException ex) {
				results.put(data.store(), "unavailable");
			}
			if ("unavailable".equals(previous)) {
				results.put(data.store(), previous);
			}
		}
		return results;
	}

	private static String money(long cents) {
		return BigDecimal.valueOf(cents, 2).toPlainString();
	}

	private static void sleep(int millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	private static List<DemoStep> concat(Played first, Played second) {
		List<DemoStep> steps = new ArrayList<>(first.steps());
		steps.addAll(second.steps());
		return steps;
	}

	private record Measured(DemoStep step, Object reached) {
	}

	/** The failure the demo injects between debit and credit. */
	static final class InjectedFailure extends RuntimeException {

		InjectedFailure() {
			super("failure injected between debit and credit", null, false, false);
		}

	}

	/** Every demo port, by role. */
	public record Stores(IntegrityPlayground relationalIntegrity, IntegrityPlayground documentIntegrity,
			CustomerOrdersPlayground joined, CustomerOrdersPlayground embedded, SessionPlayground sessions,
			PartitionPlayground partitions, FriendGraphPlayground graph, FriendGraphPlayground recursiveSql,
			TransferPlayground acid, TransferPlayground base, DemoOutbox outbox, DemoEventLog eventLog,
			IndexPlayground index) {
	}

}
