package io.polyglot.app.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.polyglot.domain.catalog.Catalog;
import io.polyglot.domain.catalog.CatalogImport;
import io.polyglot.domain.move.MoveCatalog;
import io.polyglot.domain.move.MoveCheckpoints;
import io.polyglot.domain.move.MoveReport;
import io.polyglot.domain.move.MoveSocialGraph;
import io.polyglot.domain.order.Stock;
import io.polyglot.domain.social.PeopleListing;
import io.polyglot.domain.social.SocialGraph;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Moves a concern's data from one store to another: {@code catalog} (mongodb, postgres)
 * or {@code social-graph} (neo4j, postgres). Opens the adapters of both stores side by
 * side (two small Spring contexts, each routed to one of them, no web server, no relay),
 * then runs the domain's resumable move with its checkpoint in PostgreSQL.
 * <p>
 * Run it while the service is stopped (or while nothing writes the concern); afterwards
 * start the service with {@code polyglot.routing.<concern>=<to>}. A run that crashed is
 * resumed by running the same command again; {@code --restart} starts over.
 */
public final class ConcernMove implements AutoCloseable {

	private final String concern;

	private final ConfigurableApplicationContext from;

	private final ConfigurableApplicationContext to;

	private final String name;

	private ConcernMove(String concern, String fromStore, String toStore, Map<String, Object> properties) {
		if (!List.of("catalog", "social-graph").contains(concern)) {
			throw new IllegalArgumentException("a move copies catalog or social-graph, not '" + concern + "'");
		}
		if (fromStore.equals(toStore)) {
			throw new IllegalArgumentException("the move's source and target are both " + fromStore);
		}
		this.concern = concern;
		this.name = concern + ":" + fromStore + "->" + toStore;
		this.from = open(concern, fromStore, properties);
		try {
			this.to = open(concern, toStore, properties);
		}
		catch (RuntimeException ex) {
			this.from.close();
			throw ex;
		}
	}

	/**
	 * Opens both sides of a move. {@code properties} are the connections (Spring's
	 * standard names), as for the service itself.
	 */
	public static ConcernMove open(String concern, String fromStore, String toStore, Map<String, Object> properties) {
		return new ConcernMove(concern, fromStore, toStore, properties);
	}

	/** The move's name in its checkpoint, e.g. {@code catalog:mongodb->postgres}. */
	public String name() {
		return this.name;
	}

	/** The port implementation of the given type on the source (true) or target side. */
	public <T> T port(boolean source, Class<T> type) {
		return (source ? this.from : this.to).getBean(type);
	}

	public MoveCheckpoints checkpoints() {
		return this.from.getBean(MoveCheckpoints.class);
	}

	/** Runs (or resumes) the move, writing to the given target ports. */
	public MoveReport run() {
		if (this.concern.equals("catalog")) {
			return new MoveCatalog(this.name, port(true, Catalog.class), port(true, Stock.class),
					port(false, Catalog.class), port(false, CatalogImport.class), port(false, Stock.class),
					checkpoints())
				.run();
		}
		return new MoveSocialGraph(this.name, port(true, SocialGraph.class), port(true, PeopleListing.class),
				port(false, SocialGraph.class), port(false, PeopleListing.class), checkpoints())
			.run();
	}

	@Override
	public void close() {
		try {
			this.to.close();
		}
		finally {
			this.from.close();
		}
	}

	private static ConfigurableApplicationContext open(String concern, String store, Map<String, Object> properties) {
		// the other concerns on PostgreSQL, so a side needs no store but PostgreSQL and
		// the one it moves from or to; Routing checks the store's name
		Map<String, Object> routing = new java.util.LinkedHashMap<>();
		Routing.DEFAULTS.keySet().forEach((other) -> routing.put(Routing.PREFIX + "." + other, Routing.POSTGRES));
		routing.put(Routing.PREFIX + "." + concern, store);
		Routing.from((name) -> (String) routing.get(name));
		return new SpringApplicationBuilder(Side.class).web(WebApplicationType.NONE)
			.properties(properties)
			.properties(routing)
			// a side has no outbox or web health: the service's health groups name
			// contributors it does not have
			.properties(Map.of("spring.main.banner-mode", "off", "polyglot.outbox.relay-enabled", "false",
					"spring.main.log-startup-info", "false", "management.endpoint.health.validate-group-membership",
					"false"))
			.run();
	}

	/**
	 * {@code java -Dloader.main=io.polyglot.app.routing.ConcernMove -cp polyglot-app.jar
	 * org.springframework.boot.loader.launch.PropertiesLauncher catalog mongodb postgres}
	 * (connections from the environment as for the service; {@code --restart} forgets a
	 * previous run's checkpoint). Exits 0 when the counts match, 1 when they do not, 2 on
	 * bad arguments.
	 */
	public static void main(String[] args) {
		List<String> positional = new ArrayList<>();
		boolean restart = false;
		for (String arg : args) {
			if (arg.equals("--restart")) {
				restart = true;
			}
			else {
				positional.add(arg);
			}
		}
		if (positional.size() != 3) {
			System.err.println("usage: ConcernMove catalog|social-graph <from-store> <to-store> [--restart]");
			System.exit(2);
		}
		try (ConcernMove move = open(positional.get(0), positional.get(1), positional.get(2), Map.of())) {
			if (restart) {
				move.checkpoints().clear(move.name());
			}
			MoveReport report = move.run();
			System.out.println(report.move() + ": copied " + report.copiedNow() + " now, " + report.copiedTotal()
					+ " in all" + (report.resumed() ? " (resumed)" : ""));
			System.out.println("source " + report.source());
			System.out.println("target " + report.target());
			report.differences().stream().limit(20).forEach(System.out::println);
			System.out.println(report.verified() ? "verified: the counts match" : "NOT verified");
			System.exit(report.verified() ? 0 : 1);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.exit(2);
		}
	}

	/**
	 * One side of a move: the adapters' auto-configuration only, none of the app's beans.
	 */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Side {

	}

}
