package io.polyglot.domain.demo;

import java.util.List;

/**
 * Demo 8: the selection questions of the lessons, each pointing at the family of store a
 * "yes" suggests and at the concern of this service that answered it that way.
 */
public final class StoreChoice {

	/** The questions, in the order they are asked. */
	public static final List<Question> QUESTIONS = List.of(
			new Question("integrity", "Does the data have complex relationships and strong integrity rules?",
					"relational (SQL)", "postgres",
					"Customers, wallet accounts, transfers, ledger and orders: FK, UNIQUE and CHECK constraints, "
							+ "ACID transfers (demos 1 and 6)"),
			new Question("adhoc", "Do you need unpredictable, ad-hoc queries?", "relational (SQL)", "postgres",
					"Orders and the ledger: JOINs answer questions nobody planned for (demos 2 and 7)"),
			new Question("known-pattern", "Is the access pattern well known and the volume enormous?", "wide-column",
					"cassandra",
					"The event log: append-only, always read by stream and time range, partitioned by (stream, "
							+ "day) (demo 4)"),
			new Question("semi-structured", "Does the schema keep changing, with semi-structured data?", "document",
					"mongodb",
					"The product catalog: every category has its own attributes, one document per product "
							+ "(demo 2)"),
			new Question("deep-relations", "Are relationships the critical part (deep traversals)?", "graph", "neo4j",
					"Friendships, friends-of-friends and shortest paths (demo 5)"),
			new Question("by-key", "Do you need ultra-fast access by key (sessions, cache)?", "key-value", "redis",
					"Sessions and login throttling: exact key, time to live (demo 3)"),
			new Question("money", "Would a lost or duplicated write cost money?", "relational (SQL)", "postgres",
					"Transfers and payments in one transaction, with the outbox row beside them (demo 6)"),
			new Question("measured", "Have you measured that the current store is the bottleneck?",
					"keep what you have", "postgres",
					"Measure first: a well-placed index often removes the problem (demo 7) — see the "
							+ "benchmark report"));

	private StoreChoice() {
	}

	/**
	 * One question: what a "yes" suggests, the store this service uses for that answer,
	 * and the concern it serves there.
	 */
	public record Question(String id, String text, String family, String store, String concern) {
	}

}
