package io.polyglot.domain.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import io.polyglot.domain.shared.ConflictException;
import io.polyglot.domain.shared.Money;
import io.polyglot.domain.shared.NotFoundException;
import io.polyglot.domain.shared.ValidationException;
import io.polyglot.domain.shared.ValidationException.FieldError;
import org.jspecify.annotations.Nullable;

/**
 * The administrator's catalog writes: categories with their schemas, and products checked
 * against their category's schema. Each product write is recorded as an event after the
 * catalog store accepted it.
 */
public final class ManageCatalog {

	private static final Pattern SKU = Pattern
		.compile("[A-Za-z0-9][A-Za-z0-9._-]{0," + (Product.MAX_SKU_LENGTH - 1) + "}");

	private final Catalog catalog;

	private final DefaultCategories defaults;

	private final ProductEvents events;

	private final String currency;

	public ManageCatalog(Catalog catalog, DefaultCategories defaults, ProductEvents events, String currency) {
		this.catalog = Objects.requireNonNull(catalog, "catalog");
		this.defaults = Objects.requireNonNull(defaults, "defaults");
		this.events = Objects.requireNonNull(events, "events");
		this.currency = Money.zero(currency).currency();
	}

	/**
	 * Creates or replaces a category's name and schema. Products already stored are not
	 * rewritten; the schema applies to their next write.
	 */
	public CategoryPut putCategory(CategoryCode categoryCode, @Nullable String name,
			@Nullable List<AttributeInput> attributes) {
		List<FieldError> errors = new ArrayList<>();
		if (name == null) {
			errors.add(new FieldError("name", "is required"));
		}
		if (attributes == null) {
			errors.add(new FieldError("attributes", "is required"));
		}
		List<AttributeDefinition> definitions = new ArrayList<>();
		if (attributes != null) {
			for (int i = 0; i < attributes.size(); i++) {
				AttributeDefinition definition = attribute("attributes[" + i + "]", attributes.get(i), errors);
				if (definition != null) {
					definitions.add(definition);
				}
			}
		}
		if (!errors.isEmpty()) {
			throw new ValidationException(errors);
		}
		Category category = new Category(categoryCode, Objects.requireNonNull(name), definitions);
		this.defaults.ensure();
		boolean created = this.catalog.putCategory(category);
		return new CategoryPut(category, created);
	}

	/**
	 * Adds a product with a new id.
	 * @throws ValidationException naming every bad field, attributes as
	 * {@code attributes.<name>}
	 * @throws ConflictException when the SKU is taken
	 */
	public Product create(ProductInput input) {
		Product product = toProduct(ProductId.random(), input, 0);
		this.catalog.add(product);
		this.events.created(product);
		return product;
	}

	/**
	 * Replaces a product's fields if {@code version} is still current. The requested
	 * stock is applied as a difference to the stock the product has now, so units
	 * reserved by orders meanwhile are never given back by an administrator's edit.
	 * @throws ConflictException on a stale version
	 * @throws NotFoundException when there is no such product
	 */
	public Product update(ProductId productId, ProductInput input, @Nullable Long version) {
		if (version == null) {
			throw new ValidationException("version", "is required");
		}
		Product changed = toProduct(productId, input, version);
		Product current = this.catalog.product(productId)
			.orElseThrow(() -> new NotFoundException("No product " + productId + "."));
		if (current.version() != version) {
			throw new ConflictException("Product " + productId + " was changed meanwhile (now at version "
					+ current.version() + "); read it again.");
		}
		Product updated = this.catalog.update(changed, version, changed.stock() - current.stock());
		this.events.updated(updated);
		return updated;
	}

	/**
	 * Deletes a product.
	 * @throws NotFoundException when there is no such product
	 */
	public void delete(ProductId productId) {
		Product current = this.catalog.product(productId)
			.orElseThrow(() -> new NotFoundException("No product " + productId + "."));
		if (!this.catalog.remove(productId)) {
			throw new NotFoundException("No product " + productId + ".");
		}
		this.events.deleted(current);
	}

	private Product toProduct(ProductId id, ProductInput input, long version) {
		List<FieldError> errors = new ArrayList<>();
		String sku = text("sku", input.sku(), Product.MAX_SKU_LENGTH, true, errors);
		if (sku != null && !SKU.matcher(sku).matches()) {
			errors.add(
					new FieldError("sku", "must be letters, digits, '.', '-' or '_', starting with a letter or digit"));
			sku = null;
		}
		String name = text("name", input.name(), Product.MAX_NAME_LENGTH, true, errors);
		String description = text("description", (input.description() != null) ? input.description() : "",
				Product.MAX_DESCRIPTION_LENGTH, false, errors);
		Money price = price(input.price(), errors);
		Integer stock = input.stock();
		if (stock == null) {
			errors.add(new FieldError("stock", "is required"));
		}
		else if (stock < 0 || stock > Product.MAX_STOCK) {
			errors.add(new FieldError("stock", "must be between 0 and " + Product.MAX_STOCK));
			stock = null;
		}
		Category category = null;
		if (input.category() == null) {
			errors.add(new FieldError("category", "is required"));
		}
		else {
			try {
				CategoryCode code = new CategoryCode(input.category());
				this.defaults.ensure();
				category = this.catalog.category(code).orElse(null);
				if (category == null) {
					errors.add(new FieldError("category", "is not a known category"));
				}
			}
			catch (ValidationException ex) {
				errors.addAll(ex.errors());
			}
		}
		Map<String, Object> attributes = null;
		if (category != null) {
			try {
				attributes = category.validate(input.attributes());
			}
			catch (ValidationException ex) {
				errors.addAll(ex.errors());
			}
		}
		if (!errors.isEmpty() || sku == null || name == null || description == null || price == null || stock == null
				|| category == null || attributes == null) {
			throw new ValidationException(errors);
		}
		return new Product(id, sku, name, description, category.code(), price, stock, attributes, version);
	}

	private @Nullable Money price(@Nullable String text, List<FieldError> errors) {
		if (text == null) {
			errors.add(new FieldError("price", "is required"));
			return null;
		}
		if (text.length() > 20 || !text.matches("\\d{1,12}(\\.\\d{1,2})?")) {
			errors.add(new FieldError("price",
					"must be a non-negative amount with at most two decimals, such as \"12.50\""));
			return null;
		}
		return Money.parse(text, this.currency);
	}

	private static @Nullable String text(String field, @Nullable String value, int maxLength, boolean required,
			List<FieldError> errors) {
		if (value == null) {
			errors.add(new FieldError(field, "is required"));
			return null;
		}
		if (required && value.isBlank()) {
			errors.add(new FieldError(field, "must not be blank"));
			return null;
		}
		if (value.length() > maxLength) {
			errors.add(new FieldError(field, "must be at most " + maxLength + " characters"));
			return null;
		}
		// line breaks and tabs are fine in a description, other control characters
		// are not
		if (value.chars().anyMatch((c) -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
			errors.add(new FieldError(field, "must not contain control characters"));
			return null;
		}
		return value;
	}

	private static @Nullable AttributeDefinition attribute(String field, @Nullable AttributeInput input,
			List<FieldError> errors) {
		if (input == null) {
			errors.add(new FieldError(field, "is required"));
			return null;
		}
		List<FieldError> own = new ArrayList<>();
		if (input.name() == null) {
			own.add(new FieldError(field + ".name", "is required"));
		}
		if (input.type() == null) {
			own.add(new FieldError(field + ".type", "is required"));
		}
		if (!own.isEmpty()) {
			errors.addAll(own);
			return null;
		}
		try {
			AttributeType type = AttributeType.parse("type", input.type());
			return new AttributeDefinition(input.name(), type, Boolean.TRUE.equals(input.required()),
					(input.values() != null) ? input.values() : List.of());
		}
		catch (ValidationException ex) {
			ex.errors().forEach((error) -> errors.add(new FieldError(field + "." + error.field(), error.message())));
			return null;
		}
		catch (NullPointerException ex) {
			errors.add(new FieldError(field + ".values", "must not contain null"));
			return null;
		}
	}

	/** A product as a client sent it, before any check. */
	public record ProductInput(@Nullable String sku, @Nullable String name, @Nullable String description,
			@Nullable String category, @Nullable String price, @Nullable Integer stock,
			@Nullable Map<String, ?> attributes) {
	}

	/** One attribute definition as a client sent it, before any check. */
	public record AttributeInput(@Nullable String name, @Nullable String type, @Nullable Boolean required,
			@Nullable List<String> values) {
	}

	/** The category as stored and whether the put created it. */
	public record CategoryPut(Category category, boolean created) {
	}

}
