package io.polyglot.domain.catalog;

import java.util.List;
import java.util.Optional;

import io.polyglot.domain.shared.Page;
import io.polyglot.domain.shared.PageRequest;

/**
 * Port to the product catalog (MongoDB): categories with their schemas, and products as
 * one document each. Stock for orders goes through
 * {@code io.polyglot.domain.order.Stock}, implemented by the same store.
 */
public interface Catalog {

	/** Every category, by code. */
	List<Category> categories();

	Optional<Category> category(CategoryCode code);

	/** Creates or replaces the category; true when it was created. */
	boolean putCategory(Category category);

	/**
	 * Creates the category unless one with its code exists, which is then left as it is;
	 * true when it was created.
	 */
	boolean addCategoryIfAbsent(Category category);

	/**
	 * Stores a new product; its received units start at its stock.
	 * @throws io.polyglot.domain.shared.ConflictException when the SKU is taken
	 */
	void add(Product product);

	Optional<Product> product(ProductId id);

	/**
	 * Replaces the product's catalog fields if it is still at {@code expectedVersion},
	 * and adds {@code stockChange} to its stock and its received units in the same atomic
	 * update, so reservations made meanwhile are kept. Bumps the version.
	 * @return the product as stored afterwards
	 * @throws io.polyglot.domain.shared.NotFoundException when there is no such product
	 * @throws io.polyglot.domain.shared.ConflictException on a stale version, a taken
	 * SKU, or a decrease larger than the stock left
	 */
	Product update(Product product, long expectedVersion, int stockChange);

	/**
	 * Deletes the product; false when there was none.
	 * @throws io.polyglot.domain.shared.ConflictException while open orders hold some of
	 * its units
	 */
	boolean remove(ProductId id);

	/** One page of the products the query matches, in its order. */
	Page<Product> search(ProductQuery query, PageRequest page);

	/** Value counts of every attribute of the query's category among matches. */
	Facets facets(ProductQuery query, Category category);

}
