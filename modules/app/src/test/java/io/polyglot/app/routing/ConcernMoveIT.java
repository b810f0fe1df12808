package io.polyglot.app.routing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.polyglot.domain.catalog.AttributeDefinition;
import io.polyglot.domain.catalog.AttributeType;
import io.polyglot.domain.catalog.Catalog;
import io.polyglot.domain.catalog.CatalogImport;
import io.polyglot.domain.catalog.Category;
import io.polyglot.domain.catalog.CategoryCode;
import io.polyglot.domain.catalog.Product;
import io.polyglot.domain.catalog.ProductId;
import io.polyglot.domain.move.MoveCatalog;
import io.polyglot.domain.move.MoveReport;
import io.polyglot.domain.move.MoveSocialGraph;
import io.polyglot.domain.order.Stock;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.Money;
import io.polyglot.domain.social.PeopleListing;
import io.polyglot.domain.social.Person;
import io.polyglot.domain.social.SocialGraph;
import io.polyglot.localstores.SharedTestStores;
import io.polyglot.localstores.SpringConnectionProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Moving the catalog (MongoDB to PostgreSQL) and the social graph (Neo4j to PostgreSQL)
 * with the real adapters on both sides: a move that crashes in the middle of a page is
 * resumed by running it again, ids, versions and stock counts are kept, and the counts
 * are verified at the end.
 * <p>
 * The stores are shared by the whole test JVM, so the target may already hold other
 * tests' data; every check is on this test's own products and people, and the count
 * verification compares the whole of both sides as the command does.
 */
class ConcernMoveIT {

	static ConcernMove catalogMove;

	static ConcernMove graphMove;

	@BeforeAll
	static void open() {
		Map<String, Object> connections = new LinkedHashMap<>(
				SpringConnectionProperties.of(SharedTestStores.get("postgres", "mongodb", "neo4j")));
		catalogMove = ConcernMove.open("catalog", "mongodb", "postgres", connections);
		graphMove = ConcernMove.open("social-graph", "neo4j", "postgres", connections);
		catalogMove.checkpoints().clear(catalogMove.name());
		graphMove.checkpoints().clear(graphMove.name());
	}

	@AfterAll
	static void close() {
		graphMove.close();
		catalogMove.close();
	}

	@Test
	void aCatalogMoveThatCrashesMidwayResumesAndKeepsIdsVersionsAndCounts() {
		Catalog mongo = catalogMove.port(true, Catalog.class);
		Stock mongoStock = catalogMove.port(true, Stock.class);
		Category category = new Category(new CategoryCode("mv" + UUID.randomUUID().toString().substring(0, 8)), "Moved",
				List.of(new AttributeDefinition("author", AttributeType.STRING, true, List.of())));
		mongo.putCategory(category);
		List<Product> products = new ArrayList<>();
		for (int i = 0; i < 250; i++) {
			Product product = new Product(ProductId.random(), "MV-" + UUID.randomUUID(), "Moved " + i, "",
					category.code(), Money.parse("1.50", "EUR"), 10, Map.of("author", "A" + i), 0);
			mongo.add(product);
			products.add(product);
		}
		// an edited product (version 1), one with an open order's hold, one partly sold
		Product edited = mongo.update(products.get(3), 0, 5);
		UUID openOrder = UUID.randomUUID();
		assertThat(mongoStock.reserve(products.get(4).id().value(), openOrder, 2)).isTrue();
		UUID shippedOrder = UUID.randomUUID();
		mongoStock.reserve(products.get(5).id().value(), shippedOrder, 3);
		mongoStock.sell(products.get(5).id().value(), shippedOrder);

		// the first run dies on its 150th write, in the middle of the second page
		CatalogImport target = catalogMove.port(false, CatalogImport.class);
		AtomicInteger writes = new AtomicInteger();
		CatalogImport crashing = (product, level) -> {
			if (writes.incrementAndGet() == 150) {
				throw new IllegalStateException("the mover crashed");
			}
			return target.importProduct(product, level);
		};
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(
				() -> new MoveCatalog(catalogMove.name(), mongo, mongoStock, catalogMove.port(false, Catalog.class),
						crashing, catalogMove.port(false, Stock.class), catalogMove.checkpoints())
					.run());
		long copiedBeforeCrash = catalogMove.checkpoints().find(catalogMove.name()).orElseThrow().copied();
		assertThat(copiedBeforeCrash).as("copied and checkpointed before the crash").isPositive();

		MoveReport report = catalogMove.run();

		assertThat(report.resumed()).isTrue();
		assertThat(report.copiedTotal() - copiedBeforeCrash).isEqualTo(report.copiedNow());
		assertThat(report.differences()).isEmpty();
		assertThat(report.target()).isEqualTo(report.source());
		assertThat(report.verified()).isTrue();
		Catalog postgres = catalogMove.port(false, Catalog.class);
		Stock postgresStock = catalogMove.port(false, Stock.class);
		for (Product product : products.subList(0, 3)) {
			assertThat(postgres.product(product.id())).contains(product);
		}
		assertThat(postgres.product(edited.id())).contains(edited);
		assertThat(postgres.category(category.code())).contains(category);
		Stock.Level held = level(postgresStock, products.get(4).id());
		assertThat(held.holds()).containsExactly(Map.entry(openOrder, 2));
		assertThat(held.inStock()).isEqualTo(8);
		Stock.Level sold = level(postgresStock, products.get(5).id());
		assertThat(sold.sold()).isEqualTo(3);
		assertThat(sold.received()).isEqualTo(10);
		// the open order's hold goes on working in the new store
		postgresStock.release(products.get(4).id().value(), openOrder);
		assertThat(level(postgresStock, products.get(4).id()).inStock()).isEqualTo(10);

		MoveReport again = catalogMove.run();
		assertThat(again.copiedNow()).as("a finished move copies nothing again").isZero();
	}

	@Test
	void aSocialGraphMoveThatCrashesMidwayResumesAndKeepsEveryFriendship() {
		SocialGraph neo4j = graphMove.port(true, SocialGraph.class);
		List<Person> people = new ArrayList<>();
		for (int i = 0; i < 120; i++) {
			people.add(new Person(CustomerId.random(), "mover" + i));
		}
		neo4j.recordPeople(people);
		for (int i = 1; i < people.size(); i++) {
			neo4j.addFriendship(people.get(i - 1).id(), people.get(i).id());
			if (i % 7 == 0) {
				neo4j.addFriendship(people.get(0).id(), people.get(i).id());
			}
		}

		SocialGraph target = graphMove.port(false, SocialGraph.class);
		AtomicInteger adds = new AtomicInteger();
		SocialGraph crashing = new CrashingGraph(target, adds, 60);
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> new MoveSocialGraph(graphMove.name(), neo4j, graphMove.port(true, PeopleListing.class),
					crashing, graphMove.port(false, PeopleListing.class), graphMove.checkpoints())
				.run());

		MoveReport report = graphMove.run();

		assertThat(report.resumed()).isTrue();
		assertThat(report.differences()).isEmpty();
		assertThat(report.target()).isEqualTo(report.source());
		for (Person person : people) {
			assertThat(target.person(person.id())).contains(person);
			assertThat(target.friendIds(person.id())).isEqualTo(neo4j.friendIds(person.id()));
		}
	}

	private static Stock.Level level(Stock stock, ProductId id) {
		return stock.levels().stream().filter((l) -> l.productId().equals(id.value())).findFirst().orElseThrow();
	}

	/** The target graph, dying on its n-th friendship write: a mover that crashes. */
	private record CrashingGraph(SocialGraph graph, AtomicInteger adds, int dieAt) implements SocialGraph {

		@Override
		public void recordPeople(java.util.Collection<Person> people) {
			this.graph.recordPeople(people);
		}

		@Override
		public java.util.Optional<Person> person(CustomerId id) {
			return this.graph.person(id);
		}

		@Override
		public io.polyglot.domain.social.FriendshipChange addFriendship(CustomerId one, CustomerId other) {
			if (this.adds.incrementAndGet() == this.dieAt) {
				throw new IllegalStateException("the mover crashed");
			}
			return this.graph.addFriendship(one, other);
		}

		@Override
		public io.polyglot.domain.social.FriendshipChange removeFriendship(CustomerId one, CustomerId other) {
			return this.graph.removeFriendship(one, other);
		}

		@Override
		public io.polyglot.domain.shared.Page<Person> friends(CustomerId who,
				io.polyglot.domain.shared.PageRequest page) {
			return this.graph.friends(who, page);
		}

		@Override
		public java.util.Set<CustomerId> friendIds(CustomerId who) {
			return this.graph.friendIds(who);
		}

		@Override
		public List<io.polyglot.domain.social.Suggestion> suggestions(CustomerId who, int limit) {
			return this.graph.suggestions(who, limit);
		}

		@Override
		public java.util.Optional<io.polyglot.domain.social.SocialPath> shortestPath(CustomerId from, CustomerId to,
				io.polyglot.domain.social.PathDepth maxDepth) {
			return this.graph.shortestPath(from, to, maxDepth);
		}

	}

}
