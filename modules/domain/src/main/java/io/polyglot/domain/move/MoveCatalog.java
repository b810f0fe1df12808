package io.polyglot.domain.move;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.polyglot.domain.catalog.Catalog;
import io.polyglot.domain.catalog.CatalogImport;
import io.polyglot.domain.catalog.Category;
import io.polyglot.domain.catalog.Product;
import io.polyglot.domain.catalog.ProductQuery;
import io.polyglot.domain.order.Stock;
import io.polyglot.domain.shared.Cursor;
import io.polyglot.domain.shared.Page;
import io.polyglot.domain.shared.PageRequest;
import org.jspecify.annotations.Nullable;

/**
 * Copies the catalog (categories, products, stock counts and holds) from one store to
 * another, keeping ids and versions. Products are read in pages in the source's own
 * keyset order; after each page the checkpoint records the cursor, so a run that crashed
 * resumes after the last finished page, and a product written just before the crash is
 * found in the target and skipped. At the end both sides are counted and every product is
 * compared, field by field.
 * <p>
 * Run it while nothing writes the catalog (the service stopped, or routed to the target
 * and its writes paused): a product changed in the source after it was copied is reported
 * as a difference, not copied again.
 */
public final class MoveCatalog {

	private static final int PAGE = PageRequest.MAX_LIMIT;

	private final String name;

	private final Catalog source;

	private final Stock sourceStock;

	private final Catalog target;

	private final CatalogImport targetImport;

	private final Stock targetStock;

	private final MoveCheckpoints checkpoints;

	public MoveCatalog(String name, Catalog source, Stock sourceStock, Catalog target, CatalogImport targetImport,
			Stock targetStock, MoveCheckpoints checkpoints) {
		this.name = Objects.requireNonNull(name, "name");
		this.source = source;
		this.sourceStock = sourceStock;
		this.target = target;
		this.targetImport = targetImport;
		this.targetStock = targetStock;
		this.checkpoints = checkpoints;
	}

	public MoveReport run() {
		MoveCheckpoints.Checkpoint start = this.checkpoints.find(this.name)
			.orElse(new MoveCheckpoints.Checkpoint(this.name, "categories", null, 0, false));
		boolean resumed = start.copied() > 0 || !start.stage().equals("categories") || start.finished();
		long copiedNow = 0;
		long total = start.copied();
		if (!start.finished()) {
			if (start.stage().equals("categories")) {
				for (Category category : this.source.categories()) {
					this.target.putCategory(category);
				}
				start = new MoveCheckpoints.Checkpoint(this.name, "products", null, total, false);
				this.checkpoints.save(start);
			}
			Map<UUID, Stock.Level> levels = byProduct(this.sourceStock.levels());
			String position = start.position();
			do {
				Page<Product> page = this.source.search(ProductQuery.all(),
						new PageRequest(PAGE, (position != null) ? Cursor.of(position) : null));
				for (Product product : page.items()) {
					Stock.Level level = levels.get(product.id().value());
					if (level == null) {
						// created after the levels were read: the product's own counts
						level = new Stock.Level(product.id().value(), product.stock(), product.stock(), 0, Map.of());
					}
					if (this.targetImport.importProduct(product, level)) {
						copiedNow++;
						total++;
					}
				}
				position = (page.nextCursor() != null) ? page.nextCursor().value() : null;
				this.checkpoints.save(new MoveCheckpoints.Checkpoint(this.name, "products", position, total, false));
			}
			while (position != null);
		}
		MoveReport report = verify(copiedNow, total, resumed);
		this.checkpoints.save(new MoveCheckpoints.Checkpoint(this.name, "done", null, total, report.verified()));
		return report;
	}

	private MoveReport verify(long copiedNow, long total, boolean resumed) {
		List<String> differences = new ArrayList<>();
		List<Product> sourceProducts = all(this.source);
		Map<UUID, Product> targetProducts = new LinkedHashMap<>();
		all(this.target).forEach((product) -> targetProducts.put(product.id().value(), product));
		for (Product product : sourceProducts) {
			Product copy = targetProducts.get(product.id().value());
			if (!product.equals(copy)) {
				differences.add("product " + product.id() + ((copy == null) ? " is missing in the target"
						: " differs in the target (version " + copy.version() + " vs " + product.version() + ")"));
			}
		}
		Map<String, Long> source = counts(this.source, sourceProducts.size(), this.sourceStock.levels());
		Map<String, Long> target = counts(this.target, targetProducts.size(), this.targetStock.levels());
		return new MoveReport(this.name, copiedNow, total, resumed, source, target, differences);
	}

	private static Map<String, Long> counts(Catalog catalog, long products, List<Stock.Level> levels) {
		Map<String, Long> counts = new LinkedHashMap<>();
		counts.put("categories", (long) catalog.categories().size());
		counts.put("products", products);
		counts.put("received", levels.stream().mapToLong(Stock.Level::received).sum());
		counts.put("inStock", levels.stream().mapToLong(Stock.Level::inStock).sum());
		counts.put("held", levels.stream().mapToLong(Stock.Level::held).sum());
		counts.put("sold", levels.stream().mapToLong(Stock.Level::sold).sum());
		return counts;
	}

	private static List<Product> all(Catalog catalog) {
		List<Product> all = new ArrayList<>();
		@Nullable Cursor cursor = null;
		do {
			Page<Product> page = catalog.search(ProductQuery.all(), new PageRequest(PAGE, cursor));
			all.addAll(page.items());
			cursor = page.nextCursor();
		}
		while (cursor != null);
		return all;
	}

	private static Map<UUID, Stock.Level> byProduct(List<Stock.Level> levels) {
		Map<UUID, Stock.Level> byProduct = new LinkedHashMap<>();
		levels.forEach((level) -> byProduct.put(level.productId(), level));
		return byProduct;
	}

}
