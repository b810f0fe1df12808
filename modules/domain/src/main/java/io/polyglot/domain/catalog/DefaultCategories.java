package io.polyglot.domain.catalog;

import java.util.List;
import java.util.Objects;

/**
 * The categories a fresh catalog starts with (book, tv, shoe), so a newcomer can try the
 * API at once. Added only where missing, so an administrator's edits are never
 * overwritten; once they are there, later calls cost nothing.
 */
public final class DefaultCategories {

	/** The default set. */
	public static final List<Category> ALL = List.of(
			new Category(new CategoryCode("book"), "Books",
					List.of(new AttributeDefinition("author", AttributeType.STRING, true, List.of()),
							new AttributeDefinition("pages", AttributeType.INTEGER, false, List.of()))),
			new Category(new CategoryCode("tv"), "Televisions",
					List.of(new AttributeDefinition("inches", AttributeType.NUMBER, true, List.of()),
							new AttributeDefinition("resolution", AttributeType.ENUM, false,
									List.of("HD", "FullHD", "4K", "8K")))),
			new Category(new CategoryCode("shoe"), "Shoes",
					List.of(new AttributeDefinition("size", AttributeType.NUMBER, true, List.of()),
							new AttributeDefinition("color", AttributeType.STRING, false, List.of()))));

	private final Catalog catalog;

	private volatile boolean ensured;

	public DefaultCategories(Catalog catalog) {
		this.catalog = Objects.requireNonNull(catalog, "catalog");
	}

	/**
	 * Adds the default categories that are missing. Called at startup and again before
	 * category reads until it has succeeded once, so a catalog store that was down at
	 * startup is seeded on first use.
	 * @throws io.polyglot.domain.shared.StoreUnavailableException while the store is down
	 */
	public void ensure() {
		if (this.ensured) {
			return;
		}
		for (Category category : ALL) {
			this.catalog.addCategoryIfAbsent(category);
		}
		this.ensured = true;
	}

}
