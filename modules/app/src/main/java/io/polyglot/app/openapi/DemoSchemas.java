package io.polyglot.app.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;

/**
 * The demos' answers as schemas: each demo endpoint answers a demo run (every statement
 * sent, the figures, an explanation) whose {@code findings} differ per demo, and the
 * choice, store map and reset endpoints answer maps the controller builds. The JSON is
 * the demo page's and stays as it is; these schemas say what is in it, field by field, so
 * the document no longer says "any object". Findings keys a store's implementation may
 * leave out are optional; every field is described.
 */
final class DemoSchemas {

	private static final String REF = "#/components/schemas/";

	private DemoSchemas() {
	}

	/** Adds the schemas and points each demo operation's 200 answer at its own. */
	static void apply(OpenAPI openApi) {
		if (openApi.getComponents() == null || openApi.getPaths() == null) {
			return;
		}
		Map<String, Schema> schemas = new LinkedHashMap<>();
		Map<String, String> byOperation = new LinkedHashMap<>();
		findings(schemas, byOperation);
		others(schemas, byOperation);
		boolean[] used = { false };
		openApi.getPaths().values().forEach((item) -> item.readOperations().forEach((operation) -> {
			String schema = byOperation.get(operation.getOperationId());
			ApiResponse ok = (operation.getResponses() != null) ? operation.getResponses().get("200") : null;
			if (schema == null || ok == null) {
				return;
			}
			ok.setContent(new Content().addMediaType("application/json",
					new MediaType().schema(new Schema<>().$ref(REF + schema))));
			used[0] = true;
		}));
		if (used[0]) {
			schemas.forEach(openApi.getComponents()::addSchemas);
		}
	}

	private static void findings(Map<String, Schema> schemas, Map<String, String> byOperation) {
		schemas.put("IntegrityTally",
				object("What one store did with the six writes",
						Map.of("accepted", count("Writes the store executed"), "refused",
								count("Writes the store refused"), "badRowsRefused",
								count("Of the four bad rows (duplicate id, duplicate e-mail, orphan order, negative "
										+ "total), those the store refused"),
								"badRowsAccepted", count("Of the four bad rows, those the store stored"), "customers",
								count("Customer documents stored afterwards (document store only)"), "orders",
								count("Order documents stored afterwards (document store only)"), "orphanOrders",
								count("Stored orders whose customer does not exist (document store only)"))));
		run(schemas, byOperation, "postDemoIntegrity", "Integrity", "integrity",
				"Demo 1: the same writes against PostgreSQL's constraints and a document store without them",
				Map.of("postgres", ref("IntegrityTally", "PostgreSQL: constraints in the schema"), "mongodb",
						ref("IntegrityTally", "MongoDB: only the unique _id")));
		run(schemas, byOperation, "postDemoDocuments", "Documents", "documents",
				"Demo 2a: one customer with their orders, read with JOINs and as one document",
				Map.of("postgres",
						object("The normalized read", Map.of("rows", count("Rows the JOIN returned"), "orders",
								count("Orders of the customer"), "tablesJoined", count("Tables the query joined"))),
						"mongodb",
						object("The embedded read", Map.of("documentsRead", count("Documents read (one lookup by key)"),
								"orders", count("Orders embedded in the document"), "joins", count("JOINs needed")))));
		schemas.put("RenameTally",
				object("What renaming the product cost one store",
						Map.of("copiesUpdated", count("Rows or documents written"), "windowMillis",
								millis("How long old and new names coexisted"), "disagreeingMidway",
								count("Copies still showing the old name half-way"), "midwayAtMillis",
								millis("When the half-way check ran (document store only)"), "orderLinesReferencing",
								count("Order lines that refer to the product by id (PostgreSQL only)"))));
		run(schemas, byOperation, "postDemoRename", "Rename", "rename",
				"Demo 2b: renaming a product kept once (PostgreSQL) and copied into every order (MongoDB)",
				Map.of("sku", new StringSchema().description("The renamed product's SKU").example("P-045"), "postgres",
						ref("RenameTally", "PostgreSQL: one row"), "mongodb",
						ref("RenameTally", "MongoDB: one write per order document")));
		run(schemas, byOperation, "postDemoSessions", "Session", "session",
				"Demo 3a: a session stored under its key with a time to live (Redis)",
				Map.of("key", new StringSchema().description("The Redis key the session is stored under"), "token",
						new StringSchema().description("The demo session's token, to read it back with "
								+ "GET /api/v1/demos/sessions/{token}"),
						"ttlSeconds", count("The time to live it was stored with")));
		run(schemas, byOperation, "getDemoToken", "SessionRead", "session-read",
				"Demo 3a: reading the demo session back by key, with its remaining time to live",
				Map.of("found", new BooleanSchema().description("Whether the key still exists"), "ttlSeconds",
						new IntegerSchema().description("Seconds left (Redis TTL: -2 when the key is gone)")));
		run(schemas, byOperation, "getDemoSessions", "SessionsByCountry", "sessions-by-country",
				"Demo 3b: sessions of one country, by scanning every key and by a self-maintained index",
				Map.of("keysScanned", count("Keys the scan read"), "matchesByScan",
						count("Sessions of the country the scan found"), "scanMillis", millis("Time of the scan"),
						"indexMembers", count("Members of the country's index set"), "liveIndexMembers",
						count("Index members whose session still exists"), "staleIndexMembers",
						count("Index members whose session expired (the index is the application's to clean)"),
						"indexMillis", millis("Time of the read through the index")));
		Map<String, Schema> partitions = new LinkedHashMap<>();
		partitions.put("daysRead", count("Days read"));
		partitions.put("partitionsTouched", count("(stream, day) partitions the read touched"));
		partitions.put("partitionsOfStream", count("Partitions the stream has"));
		partitions.put("partitionsInTable", count("Partitions in the demo table"));
		partitions.put("rowsRead", count("Rows the read returned"));
		partitions.put("rowsPerDayPartition", count("Rows in one day's partition"));
		partitions.put("unboundedPartitionRows", count("Rows one partition per stream (no day) would hold now"));
		partitions.put("unboundedRowsAfterOneYear", count("... after a year at the demo's rate"));
		partitions.put("unboundedRowsAfterOneYearAtOnePerSecond", count("... after a year at one event per second"));
		partitions.put("estimatedBytesPerRow", count("Estimated size of a row in bytes"));
		partitions.put("estimatedUnboundedMegabytesAfterOneYearAtOnePerSecond",
				count("Estimated size of that unbounded partition in MB"));
		run(schemas, byOperation, "postDemoPartitions", "Partitions", "partitions",
				"Demo 4: a time-range read over (stream, day) partitions (Cassandra)", partitions);
		schemas.put("GraphDepth", object("One depth of the friends-of-friends measurement",
				Map.of("depth", count("Hops from the person"), "neo4jMillis", millis("Time of the Cypher traversal"),
						"postgresMillis", millis("Time of the recursive SQL"), "neo4jReached",
						count("Distinct people Neo4j reached within the depth"), "postgresReached",
						count("Distinct people PostgreSQL reached within the depth"))));
		run(schemas, byOperation, "postDemoGraph", "Graph", "graph",
				"Demo 5: friends-of-friends by depth, Cypher against recursive SQL",
				Map.of("people", count("People in the demo graph"), "friendships",
						count("Friendships in the demo graph"), "person", count("The person the traversal starts at"),
						"byDepth", new ArraySchema().items(new Schema<>().$ref(REF + "GraphDepth"))
							.description("One entry per depth, 1 to maxDepth")));
		schemas.put("TransfersTally", object("How one store's transfers went", Map.of("transactional",
				new BooleanSchema().description("Whether debit and credit ran in one transaction"), "totalBefore",
				money("Money in all demo accounts before"), "totalAfter", money("Money in all demo accounts after"),
				"drift", money("totalAfter - totalBefore: money created or lost"), "committed",
				count("Transfers that completed"), "failedBetweenDebitAndCredit",
				count("Transfers the injected failure stopped after the debit"), "millis",
				millis("Time of all the transfers"))));
		run(schemas, byOperation, "postDemoTransfers", "Transfers", "transfers",
				"Demo 6a: concurrent transfers with an injected failure, with and without a transaction",
				Map.of("postgres", ref("TransfersTally", "PostgreSQL: one ACID transaction per transfer"), "mongodb",
						ref("TransfersTally", "MongoDB: two single-document updates, no transaction")));
		Map<String, Schema> eventual = new LinkedHashMap<>();
		eventual.put("eventId", new StringSchema().description("The committed transfer's event"));
		eventual.put("committedAtMillis", millis("When the transfer committed, from the start of the run"));
		eventual.put("foundRightAfterCommit",
				new BooleanSchema().description("Whether the event log had the event right after the commit"));
		eventual.put("checkedAtMillis", millis("When that first read ran"));
		eventual.put("relayPausedMillis", count("How long the relay waited"));
		eventual.put("eventsRelayed", count("Events the relay delivered"));
		eventual.put("foundAfterRelay",
				new BooleanSchema().description("Whether the event log had the event after the relay"));
		eventual.put("visibleAtMillis", millis("When the event was visible in the event log"));
		eventual.put("lagMillis", millis("visibleAtMillis - committedAtMillis"));
		run(schemas, byOperation, "postDemoEventual", "Eventual", "eventual",
				"Demo 6b: a committed transfer reaches the event log only after the outbox relay", eventual);
		Map<String, Schema> index = new LinkedHashMap<>();
		index.put("tableRows", count("Rows in the demo table"));
		index.put("rows", count("Rows the query returned"));
		index.put("beforeMillis", millis("Time of the query without the index"));
		index.put("afterMillis", millis("Time of the query with the index"));
		index.put("speedup", new NumberSchema().description("beforeMillis / afterMillis"));
		index.put("indexBuildMillis", millis("Time to build the index"));
		index.put("planBefore", new StringSchema().description("The query plan without the index (EXPLAIN)"));
		index.put("planAfter", new StringSchema().description("The query plan with the index (EXPLAIN)"));
		run(schemas, byOperation, "postDemoIndex", "Index", "index", "Demo 7: a query before and after an index",
				index);
	}

	private static void others(Map<String, Schema> schemas, Map<String, String> byOperation) {
		schemas.put("DemoQuestion",
				object("One question of the store selection guide", Map.of("id",
						new StringSchema().description("The question's id: the demo that shows it")
							.example("integrity"),
						"text", new StringSchema().description("The question"), "family",
						new StringSchema().description("The family of store it leads to").example("relational (SQL)"),
						"store",
						new StringSchema().description("The store of this service that answers it").example("postgres"),
						"concern", new StringSchema().description("What this service keeps there because of it"))));
		Map<String, Schema> choice = new LinkedHashMap<>();
		choice.put("questions", new ArraySchema().items(new Schema<>().$ref(REF + "DemoQuestion"))
			.description("The selection questions, in order"));
		choice.put("benchmarkReport",
				nullable(new StringSchema()
					.description("Path of the latest benchmark report; null when there is none yet")
					.example("/api/v1/demos/benchmark-report")));
		choice.put("benchmarkReportHint",
				nullable(new StringSchema().description("How to produce a report; null when there is one")));
		schemas.put("DemoChoice", required(object("Demo 8: the store selection guide", choice), "questions"));
		byOperation.put("getDemoChoice", "DemoChoice");

		Map<String, Schema> entry = new LinkedHashMap<>();
		entry.put("store", new StringSchema().description("The store, as health names it").example("postgres"));
		entry.put("concerns", new ArraySchema().items(new StringSchema())
			.description("What the store holds under the routing in force"));
		entry.put("routed", new BooleanSchema().description("Whether any concern is routed to the store"));
		entry.put("status", new StringSchema().description("Its health status").example("UP"));
		entry.put("implementation", new StringSchema().description("Product and version, from its health check")
			.example("PostgreSQL 17.11"));
		entry.put("error", new StringSchema().description("Why the health check failed; only when it did"));
		entry.put("metricSource", new StringSchema().description("The timers the rates come from"));
		entry.put("operations", count("Operations counted so far"));
		entry.put("opsPerSecond", nullable(new NumberSchema()
			.description("Operations per second since the previous sample; null on " + "the first")));
		entry.put("p99Millis",
				nullable(new NumberSchema().description("Latency in ms (see p99Kind); null without " + "data")));
		entry.put("p99Kind", new StringSchema().description("Whether p99Millis is a p99 or a max"));
		schemas.put("StoreMapEntry", required(object("One store on the store map", entry), "store", "concerns",
				"routed", "status", "implementation"));
		schemas.put("OutboxConsumerState",
				object("The outbox backlog of one consumer",
						Map.of("lagging", new BooleanSchema().description("Whether it is behind the lag threshold"),
								"undelivered", count("Events not delivered yet"), "oldestAgeSeconds",
								count("Age of the oldest undelivered event"))));
		Map<String, Schema> map = new LinkedHashMap<>();
		map.put("sampledAt", new StringSchema().format("date-time").description("When the map was sampled"));
		map.put("routing", new ObjectSchema().additionalProperties(new StringSchema())
			.description("The store of each routable concern (polyglot.routing.*)"));
		map.put("stores",
				new ArraySchema().items(new Schema<>().$ref(REF + "StoreMapEntry")).description("The five stores"));
		map.put("outbox", new ObjectSchema().additionalProperties(new Schema<>().$ref(REF + "OutboxConsumerState"))
			.description("The outbox backlog by consumer"));
		schemas.put("StoreMap", required(object("The live store map of the demo page", map), "sampledAt", "routing",
				"stores", "outbox"));
		byOperation.put("getDemoStoremap", "StoreMap");

		schemas
			.put("DemoReset",
					required(
							object("What resetting the demo data did",
									Map.of("stores", new ObjectSchema()
										.additionalProperties(new StringSchema()._enum(List.of("reset", "unavailable")))
										.description("By store: reset, or unavailable (its demo data was left)"))),
							"stores"));
		byOperation.put("postDemoReset", "DemoReset");
	}

	/** A demo run whose findings are {@code findings}, as {@code <name>DemoRun}. */
	private static void run(Map<String, Schema> schemas, Map<String, String> byOperation, String operationId,
			String name, String demo, String description, Map<String, Schema> findings) {
		schemas.put(name + "Findings",
				object("The figures of the " + demo + " demo (by store where two are " + "compared: postgres, mongodb)",
						findings));
		Map<String, Schema> properties = new LinkedHashMap<>();
		properties.put("demo", new StringSchema()._enum(List.of(demo)).description("The demo's id").example(demo));
		properties.put("steps", new ArraySchema().items(new Schema<>().$ref(REF + "DemoStep"))
			.description("Every statement sent to a store, in the order sent"));
		properties.put("findings", new Schema<>().$ref(REF + name + "Findings"));
		properties.put("explanation", new StringSchema().description("What the run shows, in one paragraph"));
		schemas.put(name + "DemoRun",
				required(object(description, properties), "demo", "steps", "findings", "explanation"));
		byOperation.put(operationId, name + "DemoRun");
	}

	private static ObjectSchema object(String description, Map<String, Schema> properties) {
		ObjectSchema schema = new ObjectSchema();
		schema.setDescription(description);
		schema.setProperties(new LinkedHashMap<>(new java.util.TreeMap<>(properties)));
		return schema;
	}

	private static ObjectSchema required(ObjectSchema schema, String... names) {
		schema.setRequired(List.of(names));
		return schema;
	}

	/**
	 * A reference; OpenAPI 3.0 ignores a {@code $ref}'s siblings, so {@code which} (the
	 * store the figures are of) is said by the property's name and the findings' own
	 * description, not here.
	 */
	private static Schema<?> ref(String schema, String which) {
		return new Schema<>().$ref(REF + schema);
	}

	private static Schema<?> count(String description) {
		return new IntegerSchema().format("int64").description(description);
	}

	private static Schema<?> millis(String description) {
		return new NumberSchema().description(description + ", in milliseconds");
	}

	private static Schema<?> money(String description) {
		return new StringSchema().description(description + ", two decimals").example("10000.00");
	}

	private static Schema<?> nullable(Schema<?> schema) {
		schema.setNullable(true);
		return schema;
	}

}
