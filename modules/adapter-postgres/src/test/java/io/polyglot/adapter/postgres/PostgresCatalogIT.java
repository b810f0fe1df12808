package io.polyglot.adapter.postgres;

import java.util.List;
import java.util.Map;

import io.polyglot.adapter.postgres.testapp.PostgresTestApplication;
import io.polyglot.domain.catalog.Catalog;
import io.polyglot.domain.catalog.CatalogContract;
import io.polyglot.domain.catalog.CatalogImport;
import io.polyglot.domain.catalog.CatalogImportContract;
import io.polyglot.domain.catalog.Category;
import io.polyglot.domain.catalog.Product;
import io.polyglot.domain.order.Stock;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog contract against a real local PostgreSQL, plus what only the store shows:
 * the document layout, and a reservation that shares its caller's transaction.
 */
@SpringBootTest(classes = PostgresTestApplication.class)
class PostgresCatalogIT extends CatalogContract {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresTestApplication.postgres(registry);
	}

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Override
	protected Catalog catalog() {
		return new PostgresCatalog(this.jdbc);
	}

	@Override
	protected Stock stock() {
		return new PostgresStock(this.jdbc, this.transactionManager);
	}

	@Test
	void aProductIsOneDocumentWithCentsTermsAndTypedAttributes() {
		Category category = bookCategory();
		Product product = added(category, "Crème Brûlée", "12.50", 4, Map.of("author", "Ana", "pages", 99L));

		Map<String, Object> row = this.jdbc
			.queryForMap("SELECT document ->> 'priceCents' AS cents, document -> 'terms' @> '[\"creme\"]' AS has_term, "
					+ "jsonb_typeof(document -> 'attributes' -> 'pages') AS pages_type FROM catalog_products WHERE id = ?",
					product.id().value());
		assertThat(row).containsEntry("cents", "1250")
			.containsEntry("has_term", true)
			.containsEntry("pages_type", "number");
	}

	@Test
	void aReservationInsideARolledBackTransactionIsUndoneWithIt() {
		Category category = bookCategory();
		Product product = added(category, "Shared", "1.00", 5, Map.of("author", "A"));
		TransactionTemplate transaction = new TransactionTemplate(this.transactionManager);

		transaction.executeWithoutResult((status) -> {
			assertThat(stock().reserve(product.id().value(), java.util.UUID.randomUUID(), 3)).isTrue();
			// the order that needed the units fails after reserving them
			status.setRollbackOnly();
		});

		assertThat(level(product.id()).inStock()).isEqualTo(5);
		assertThat(level(product.id()).holds()).isEmpty();
		assertThat(catalog().product(product.id()).orElseThrow().stock()).isEqualTo(5);
		assertThat(List.of(level(product.id()).received())).containsExactly(5L);
	}

	/** The catalog import contract against the same PostgreSQL tables. */
	@Nested
	class ImportIntoPostgres extends CatalogImportContract {

		@Override
		protected Catalog catalog() {
			return PostgresCatalogIT.this.catalog();
		}

		@Override
		protected Stock stock() {
			return PostgresCatalogIT.this.stock();
		}

		@Override
		protected CatalogImport catalogImport() {
			return new PostgresCatalog(PostgresCatalogIT.this.jdbc);
		}

	}

}
