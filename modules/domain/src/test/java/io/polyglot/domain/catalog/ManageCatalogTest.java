package io.polyglot.domain.catalog;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.polyglot.domain.catalog.ManageCatalog.AttributeInput;
import io.polyglot.domain.catalog.ManageCatalog.CategoryPut;
import io.polyglot.domain.catalog.ManageCatalog.ProductInput;
import io.polyglot.domain.eventlog.DomainEvent;
import io.polyglot.domain.eventlog.EventStream;
import io.polyglot.domain.order.Stock;
import io.polyglot.domain.shared.ConflictException;
import io.polyglot.domain.shared.Money;
import io.polyglot.domain.shared.NotFoundException;
import io.polyglot.domain.shared.ValidationException;
import io.polyglot.domain.shared.ValidationException.FieldError;
import io.polyglot.domain.support.DirectTransactions;
import io.polyglot.domain.support.InMemoryCatalog;
import io.polyglot.domain.support.MutableClock;
import io.polyglot.domain.support.RecordingOutbox;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The administrator's catalog rules against the fakes: products are checked against their
 * category's schema and every bad field is named at once, an edit's stock is a difference
 * that keeps reservations, stale versions conflict, and each accepted write (and only an
 * accepted one) records its product event.
 */
class ManageCatalogTest {

	private final InMemoryCatalog catalog = new InMemoryCatalog();

	private final RecordingOutbox outbox = new RecordingOutbox();

	private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

	private final ManageCatalog manage = new ManageCatalog(this.catalog, new DefaultCategories(this.catalog),
			new ProductEvents(this.outbox, new DirectTransactions(), this.clock), "EUR");

	@Test
	void aValidProductIsStoredTypedByItsSchemaAndRecordedOnce() {
		Product product = this.manage
			.create(book("DUNE-1", "Dune", "9.99", 5, Map.of("author", "Frank Herbert", "pages", 412)));

		assertThat(product.attributes()).containsEntry("pages", 412L).containsEntry("author", "Frank Herbert");
		assertThat(product.price()).isEqualTo(Money.parse("9.99", "EUR"));
		assertThat(product.version()).isZero();
		assertThat(this.catalog.product(product.id())).contains(product);
		assertThat(this.outbox.events()).singleElement().satisfies((event) -> {
			assertThat(event.type()).isEqualTo("ProductCreated");
			assertThat(event.stream()).isEqualTo(EventStream.product(product.id().value()));
			assertThat(event.owner()).isNull();
			assertThat(event.occurredAt()).isEqualTo(this.clock.now());
			assertThat(event.payload()).containsExactlyInAnyOrderEntriesOf(
					Map.of("productId", product.id().toString(), "sku", "DUNE-1", "name", "Dune", "category", "book",
							"price", "9.99", "currency", "EUR", "stock", "5", "version", "0"));
		});
	}

	@Test
	void everyBadFieldIsNamedAtOnceAndNothingIsStored() {
		ProductInput bad = new ProductInput("-no good", " ", "line\u0007break", "book", "1.234", -1,
				Map.of("pages", "many"));

		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> this.manage.create(bad))
			.satisfies((ex) -> assertThat(fields(ex)).containsExactlyInAnyOrder("sku", "name", "description", "price",
					"stock", "attributes.pages", "attributes.author"));
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> this.manage.create(new ProductInput(null, null, null, null, null, null, null)))
			.satisfies((ex) -> assertThat(fields(ex)).containsExactlyInAnyOrder("sku", "name", "price", "stock",
					"category"));
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> this.manage
				.create(withCategory(book("OK-1", "Fine", "1.00", 1, Map.of("author", "A")), "Not A Code")))
			.satisfies((ex) -> assertThat(fields(ex)).containsExactly("category"));
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> this.manage
				.create(withCategory(book("OK-2", "Fine", "1.00", 1, Map.of("author", "A")), "nosuchcategory")))
			.satisfies((ex) -> assertThat(ex.errors())
				.containsExactly(new FieldError("category", "is not a known category")));

		assertThat(this.catalog.search(ProductQuery.all(), io.polyglot.domain.shared.PageRequest.first()).items())
			.isEmpty();
		assertThat(this.outbox.events()).isEmpty();
	}

	@Test
	void aTakenSkuConflictsAndRecordsNothingMore() {
		this.manage.create(book("TWIN-1", "First", "1.00", 1, Map.of("author", "A")));

		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> this.manage.create(book("TWIN-1", "Second", "2.00", 1, Map.of("author", "B"))));
		assertThat(this.outbox.events()).hasSize(1);
	}

	@Test
	void anEditsStockIsADifferenceThatKeepsReservationsMadeMeanwhile() {
		Product product = this.manage.create(book("STOCK-1", "Stocked", "5.00", 10, Map.of("author", "A")));
		UUID order = UUID.randomUUID();
		assertThat(this.catalog.reserve(product.id().value(), order, 3)).isTrue();

		// the administrator read stock 10 at version 0 and asks for 15 units in stock
		Product updated = this.manage.update(product.id(),
				book("STOCK-1", "Stocked, 2nd ed.", "6.00", 15, Map.of("author", "A")), 0L);

		assertThat(updated.stock()).isEqualTo(15);
		assertThat(updated.version()).isEqualTo(1);
		assertThat(updated.name()).isEqualTo("Stocked, 2nd ed.");
		Stock.Level level = this.catalog.levels().get(0);
		assertThat(level.holds()).containsEntry(order, 3);
		assertThat(level.received()).isEqualTo(level.inStock() + level.held() + level.sold());
		assertThat(this.outbox.events()).extracting(DomainEvent::type)
			.containsExactly("ProductCreated", "ProductUpdated");
		assertThat(this.outbox.events().get(1).payload()).containsEntry("stock", "15")
			.containsEntry("version", "1")
			.containsEntry("price", "6.00");
	}

	@Test
	void aStaleMissingOrUnknownEditChangesNothing() {
		Product product = this.manage.create(book("EDIT-1", "Draft", "5.00", 3, Map.of("author", "A")));
		ProductInput edit = book("EDIT-1", "Final", "5.00", 3, Map.of("author", "A"));
		this.manage.update(product.id(), edit, 0L);

		assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> this.manage.update(product.id(), edit, 0L))
			.withMessageContaining("now at version 1");
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> this.manage.update(product.id(), edit, null))
			.satisfies((ex) -> assertThat(fields(ex)).containsExactly("version"));
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> this.manage.update(ProductId.random(), edit, 0L));
		assertThat(this.catalog.product(product.id()).orElseThrow().version()).isEqualTo(1);
		assertThat(this.outbox.events()).extracting(DomainEvent::type)
			.containsExactly("ProductCreated", "ProductUpdated");
	}

	@Test
	void aProductIsDeletedOnceAndNotWhileOrdersHoldIt() {
		Product kept = this.manage.create(book("HELD-1", "Held", "1.00", 2, Map.of("author", "A")));
		Product gone = this.manage.create(book("GONE-1", "Gone", "1.00", 2, Map.of("author", "A")));
		UUID order = UUID.randomUUID();
		this.catalog.reserve(kept.id().value(), order, 1);

		this.manage.delete(gone.id());

		assertThat(this.catalog.product(gone.id())).isEmpty();
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.manage.delete(gone.id()));
		assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> this.manage.delete(kept.id()));
		assertThat(this.catalog.product(kept.id())).isPresent();
		assertThat(this.outbox.events()).extracting(DomainEvent::type)
			.containsExactly("ProductCreated", "ProductCreated", "ProductDeleted");
		assertThat(this.outbox.events().get(2).payload()).containsEntry("productId", gone.id().toString());
	}

	@Test
	void aCategoryIsCreatedThenReplacedAndTheDefaultsAreThere() {
		List<AttributeInput> schema = List.of(new AttributeInput("brand", "string", true, null),
				new AttributeInput("size", "enum", false, List.of("S", "M", "L")));

		CategoryPut created = this.manage.putCategory(new CategoryCode("shirt"), "Shirts", schema);
		CategoryPut replaced = this.manage.putCategory(new CategoryCode("shirt"), "Shirts and tops",
				schema.subList(0, 1));

		assertThat(created.created()).isTrue();
		assertThat(replaced.created()).isFalse();
		assertThat(this.catalog.category(new CategoryCode("shirt"))).contains(replaced.category());
		assertThat(replaced.category().attributes()).extracting(AttributeDefinition::name).containsExactly("brand");
		assertThat(this.catalog.categories()).extracting((category) -> category.code().value())
			.containsExactly("book", "shirt", "shoe", "tv");
		assertThat(this.outbox.events()).as("categories record no events").isEmpty();
	}

	@Test
	void badAttributeDefinitionsAreNamedByPosition() {
		List<AttributeInput> schema = new java.util.ArrayList<>();
		schema.add(new AttributeInput(null, null, null, null));
		schema.add(new AttributeInput("colour", "colourful", null, null));
		schema.add(new AttributeInput("size", "enum", null, List.of()));
		schema.add(null);

		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> this.manage.putCategory(new CategoryCode("odd"), "Odd", schema))
			.satisfies((ex) -> assertThat(fields(ex)).containsExactly("attributes[0].name", "attributes[0].type",
					"attributes[1].type", "attributes[2].values", "attributes[3]"));
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> this.manage.putCategory(new CategoryCode("odd"), null, null))
			.satisfies((ex) -> assertThat(fields(ex)).containsExactly("name", "attributes"));
		assertThat(this.catalog.category(new CategoryCode("odd"))).isEmpty();
	}

	@Test
	void aNewSchemaAppliesToAProductsNextWrite() {
		Product product = this.manage.create(book("SCHEMA-1", "Old", "1.00", 1, Map.of("author", "A")));
		this.manage.putCategory(new CategoryCode("book"), "Books", List
			.of(new AttributeInput("author", "string", true, null), new AttributeInput("isbn", "string", true, null)));

		assertThat(this.catalog.product(product.id())).contains(product);
		assertThatExceptionOfType(ValidationException.class).isThrownBy(
				() -> this.manage.update(product.id(), book("SCHEMA-1", "Old", "1.00", 1, Map.of("author", "A")), 0L))
			.satisfies((ex) -> assertThat(fields(ex)).containsExactly("attributes.isbn"));
		Product updated = this.manage.update(product.id(),
				book("SCHEMA-1", "Old", "1.00", 1, Map.of("author", "A", "isbn", "978-0441013593")), 0L);
		assertThat(updated.attributes()).containsEntry("isbn", "978-0441013593");
	}

	private static ProductInput book(String sku, String name, String price, int stock, Map<String, ?> attributes) {
		return new ProductInput(sku, name, "", "book", price, stock, new LinkedHashMap<>(attributes));
	}

	private static ProductInput withCategory(ProductInput input, String category) {
		return new ProductInput(input.sku(), input.name(), input.description(), category, input.price(), input.stock(),
				input.attributes());
	}

	private static List<String> fields(ValidationException ex) {
		return ex.errors().stream().map(FieldError::field).toList();
	}

}
