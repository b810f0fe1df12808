package io.polyglot.adapter.postgres;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.polyglot.domain.demo.DemoSteps;
import io.polyglot.domain.demo.IndexPlayground;
import io.polyglot.domain.demo.Played;

/**
 * Demo 7 in PostgreSQL: 300,000 demo orders looked up by email, before and after an index
 * on that column, with {@code EXPLAIN ANALYZE} plans.
 */
final class PostgresIndexPlayground implements IndexPlayground {

	private static final String STORE = PostgresCalls.STORE;

	static final int ROWS = 300_000;

	static final String EMAIL = "customer4242@example.com";

	static final String QUERY = "SELECT id, status, total FROM demo.index_orders WHERE customer_email = ?";

	// the email is a constant of this class, never input: safe to inline for EXPLAIN
	static final String EXPLAIN = "EXPLAIN (ANALYZE, BUFFERS) SELECT id, status, total FROM demo.index_orders "
			+ "WHERE customer_email = '" + EMAIL + "'";

	static final String DROP_INDEX = "DROP INDEX IF EXISTS demo.index_orders_email";

	static final String CREATE_INDEX = "CREATE INDEX index_orders_email ON demo.index_orders (customer_email)";

	private final PostgresDemoTables tables;

	PostgresIndexPlayground(PostgresDemoTables tables) {
		this.tables = tables;
	}

	@Override
	public String store() {
		return STORE;
	}

	@Override
	public synchronized Played beforeAndAfter() {
		// seeding and building the index take seconds on a busy machine: demo timeouts
		return PostgresCalls.call(() -> this.tables.slow(() -> {
			this.tables.ensure("demo.index_orders", () -> {
				this.tables.jdbc.execute("CREATE TABLE demo.index_orders (id bigint PRIMARY KEY, "
						+ "customer_email text NOT NULL, status text NOT NULL, total numeric(10,2) NOT NULL, "
						+ "created_at timestamptz NOT NULL)");
				this.tables.jdbc.update("INSERT INTO demo.index_orders SELECT g, 'customer' || (g % 50000) || "
						+ "'@example.com', CASE WHEN g % 4 = 0 THEN 'SHIPPED' ELSE 'PENDING' END, (g % 997) + 0.99, "
						+ "now() - g * interval '1 minute' FROM generate_series(1, ?) g", ROWS);
				this.tables.jdbc.execute("ANALYZE demo.index_orders");
			});
			DemoSteps steps = new DemoSteps();
			steps.run(STORE, DROP_INDEX, Map.of(), () -> {
				this.tables.jdbc.execute(DROP_INDEX);
				return null;
			}, (none) -> "no index on customer_email (" + ROWS + " rows in the table)");
			String planBefore = explain(steps);
			double before = timeQuery(steps, "without an index");
			steps.run(STORE, CREATE_INDEX, Map.of(), () -> {
				this.tables.jdbc.execute(CREATE_INDEX);
				return null;
			}, (none) -> "index built");
			double build = steps.played().steps().get(steps.played().steps().size() - 1).millis();
			String planAfter = explain(steps);
			double after = timeQuery(steps, "with the index");
			int rows = this.tables.jdbc.queryForList(QUERY, EMAIL).size();
			return steps.finding("tableRows", ROWS)
				.finding("rows", rows)
				.finding("beforeMillis", before)
				.finding("afterMillis", after)
				.finding("speedup", (after > 0) ? Math.round(before / after * 10) / 10.0 : null)
				.finding("indexBuildMillis", build)
				.finding("planBefore", scanLine(planBefore))
				.finding("planAfter", scanLine(planAfter))
				.played();
		}));
	}

	private String explain(DemoSteps steps) {
		return steps.run(STORE, EXPLAIN, Map.of(),
				() -> this.tables.jdbc.queryForList(EXPLAIN, String.class).stream().collect(Collectors.joining("\n")),
				(plan) -> plan);
	}

	/** Best of three runs, each recorded. */
	private double timeQuery(DemoSteps steps, String label) {
		double best = Double.MAX_VALUE;
		for (int run = 1; run <= 3; run++) {
			int n = run;
			steps.run(STORE, QUERY, PostgresDemoTables.params("customer_email", EMAIL),
					() -> this.tables.jdbc.queryForList(QUERY, EMAIL),
					(List<Map<String, Object>> rows) -> rows.size() + " rows, " + label + " (run " + n + " of 3)");
			List<io.polyglot.domain.demo.DemoStep> all = steps.played().steps();
			best = Math.min(best, all.get(all.size() - 1).millis());
		}
		return best;
	}

	/**
	 * The plan's first scan node: the top line may be a Gather over a parallel scan,
	 * which hides how the rows are found.
	 */
	private static String scanLine(String plan) {
		for (String line : plan.split("\n")) {
			if (line.contains("Scan")) {
				return line.strip().replaceFirst("^->\\s*", "");
			}
		}
		int end = plan.indexOf('\n');
		return ((end > 0) ? plan.substring(0, end) : plan).strip();
	}

	@Override
	public void reset() {
		this.tables.drop("demo.index_orders");
	}

}
