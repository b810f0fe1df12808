package io.polyglot.domain.catalog;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.polyglot.domain.order.Stock;
import io.polyglot.domain.shared.ConflictException;
import io.polyglot.domain.shared.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What every {@link CatalogImport} must do, run against the in-memory fake and each real
 * catalog: a product arrives exactly as the other catalog held it (id, version, every
 * count and each order's hold), once, and orders carry on with it. Each test works in a
 * category of its own, since the store is shared by the whole test JVM.
 */
public abstract class CatalogImportContract {

	/** The catalog the products are imported into. */
	protected abstract Catalog catalog();

	/** The same catalog's stock, as orders use it. */
	protected abstract Stock stock();

	/** The same catalog's import. */
	protected abstract CatalogImport catalogImport();

	private Category category() {
		Category category = new Category(CatalogContract.freshCode(), "Imported",
				List.of(new AttributeDefinition("author", AttributeType.STRING, false, List.of())));
		catalog().putCategory(category);
		return category;
	}

	private static Product product(Category category, int inStock, long version) {
		return new Product(ProductId.random(), CatalogContract.freshSku(), "Moved", "About moved", category.code(),
				Money.parse("4.20", "EUR"), inStock, Map.of("author", "Ana"), version);
	}

	private Stock.Level level(ProductId id) {
		return stock().levels()
			.stream()
			.filter((level) -> level.productId().equals(id.value()))
			.findFirst()
			.orElseThrow();
	}

	@Test
	protected void anImportedProductKeepsItsIdVersionAndEveryCount() {
		Product product = product(category(), 5, 3);
		UUID held = UUID.randomUUID();
		Stock.Level counts = new Stock.Level(product.id().value(), 10, 5, 3, Map.of(held, 2));

		assertThat(catalogImport().importProduct(product, counts)).isTrue();

		assertThat(catalog().product(product.id())).contains(product);
		assertThat(level(product.id())).isEqualTo(counts);
	}

	@Test
	protected void importingAnIdTheCatalogHoldsAlreadyChangesNothing() {
		Product product = product(category(), 4, 1);
		Stock.Level counts = new Stock.Level(product.id().value(), 4, 4, 0, Map.of());
		catalogImport().importProduct(product, counts);

		Stock.Level other = new Stock.Level(product.id().value(), 9, 9, 0, Map.of(UUID.randomUUID(), 1));
		assertThat(catalogImport().importProduct(product, other)).isFalse();

		assertThat(level(product.id())).isEqualTo(counts);
		assertThat(catalog().product(product.id())).contains(product);
	}

	@Test
	protected void anImportedHoldIsSoldOrReleasedLikeAnyOther() {
		Product product = product(category(), 5, 0);
		UUID paid = UUID.randomUUID();
		UUID cancelled = UUID.randomUUID();
		catalogImport().importProduct(product,
				new Stock.Level(product.id().value(), 10, 5, 0, Map.of(paid, 2, cancelled, 3)));

		stock().sell(product.id().value(), paid);
		stock().release(product.id().value(), cancelled);

		Stock.Level after = level(product.id());
		assertThat(after.holds()).isEmpty();
		assertThat(after.sold()).isEqualTo(2);
		assertThat(after.inStock()).isEqualTo(8);
		assertThat(after.received()).isEqualTo(after.inStock() + after.held() + after.sold());
		assertThat(stock().reserve(product.id().value(), UUID.randomUUID(), 8)).isTrue();
	}

	@Test
	protected void importingAnotherProductsSkuIsAConflict() {
		Category category = category();
		Product first = product(category, 1, 0);
		catalogImport().importProduct(first, new Stock.Level(first.id().value(), 1, 1, 0, Map.of()));
		Product twin = new Product(ProductId.random(), first.sku(), "Twin", "", category.code(),
				Money.parse("1.00", "EUR"), 1, Map.of(), 0);

		assertThatExceptionOfType(ConflictException.class).isThrownBy(
				() -> catalogImport().importProduct(twin, new Stock.Level(twin.id().value(), 1, 1, 0, Map.of())));
		assertThat(catalog().product(twin.id())).isEmpty();
	}

}
