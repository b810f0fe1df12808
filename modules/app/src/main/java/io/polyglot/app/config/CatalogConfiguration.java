package io.polyglot.app.config;

import io.polyglot.domain.catalog.BrowseCatalog;
import io.polyglot.domain.catalog.Catalog;
import io.polyglot.domain.catalog.DefaultCategories;
import io.polyglot.domain.catalog.ManageCatalog;
import io.polyglot.domain.catalog.ProductEvents;
import io.polyglot.domain.outbox.Outbox;
import io.polyglot.domain.shared.Clock;
import io.polyglot.domain.shared.StoreUnavailableException;
import io.polyglot.domain.shared.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The catalog's use cases over the catalog port (MongoDB), and the default categories
 * seeded at startup.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PolyglotProperties.class)
public class CatalogConfiguration {

	private static final Logger log = LoggerFactory.getLogger(CatalogConfiguration.class);

	@Bean
	DefaultCategories defaultCategories(Catalog catalog) {
		return new DefaultCategories(catalog);
	}

	@Bean
	ProductEvents productEvents(Outbox outbox, Transactions transactions, Clock clock) {
		return new ProductEvents(outbox, transactions, clock);
	}

	@Bean
	ManageCatalog manageCatalog(Catalog catalog, DefaultCategories defaults, ProductEvents events,
			PolyglotProperties properties) {
		return new ManageCatalog(catalog, defaults, events, properties.currency());
	}

	@Bean
	BrowseCatalog browseCatalog(Catalog catalog, DefaultCategories defaults, PolyglotProperties properties) {
		return new BrowseCatalog(catalog, defaults, properties.currency());
	}

	/**
	 * Seeds the default categories at startup. MongoDB being down must not stop the
	 * service: the catalog then seeds them on its first category read instead.
	 */
	@Bean
	ApplicationRunner defaultCategoriesAtStart(DefaultCategories defaults) {
		return (args) -> {
			try {
				defaults.ensure();
			}
			catch (StoreUnavailableException ex) {
				log.warn("Default categories not seeded at startup (the {} store is unavailable); "
						+ "they will be on first use", ex.store());
			}
		};
	}

}
