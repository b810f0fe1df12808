package io.polyglot.app.web.catalog;

import java.util.List;
import java.util.Map;

import io.polyglot.domain.catalog.AttributeDefinition;
import io.polyglot.domain.catalog.Category;
import io.polyglot.domain.catalog.Facets;
import io.polyglot.domain.catalog.ManageCatalog;
import io.polyglot.domain.catalog.Product;
import io.polyglot.domain.shared.Page;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Request and response bodies of the catalog endpoints. */
final class CatalogDtos {

	private static final String TYPE = "The attribute's type: string, integer, number, boolean or enum";

	private CatalogDtos() {
	}

	/** Body of {@code PUT /categories/{code}}; checked by the domain. */
	record CategoryRequest(@Nullable String name, @Nullable List<AttributeRequest> attributes) {

		@Nullable List<ManageCatalog.AttributeInput> inputs() {
			if (this.attributes == null) {
				return null;
			}
			return this.attributes.stream()
				.map((attribute) -> (attribute != null) ? new ManageCatalog.AttributeInput(attribute.name(),
						attribute.type(), attribute.required(), attribute.values()) : null)
				.toList();
		}

	}

	/** One attribute definition in a category request. */
	record AttributeRequest(@Nullable String name,
			@Schema(description = TYPE, example = "integer") @Nullable String type, @Nullable Boolean required,
			@Nullable List<String> values) {
	}

	/** A category with its schema. */
	record CategoryResponse(String code, String name, List<AttributeResponse> attributes) {

		static CategoryResponse of(Category category) {
			return new CategoryResponse(category.code().value(), category.name(),
					category.attributes().stream().map(AttributeResponse::of).toList());
		}

	}

	/** One attribute of a schema; {@code values} only for enums. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record AttributeResponse(String name, @Schema(description = TYPE, example = "integer", allowableValues = {
			"string", "integer", "number", "boolean", "enum" }) String type, boolean required,
			@Nullable List<String> values){

		static AttributeResponse of(AttributeDefinition attribute) {
			return new AttributeResponse(attribute.name(), attribute.type().apiName(), attribute.required(),
					attribute.values().isEmpty() ? null : attribute.values());
		}

	}

	record CategoryListResponse(List<CategoryResponse> items) {
	}

	/** Body of {@code POST /products} and {@code PUT /products/{id}} (with version). */
	record ProductRequest(@Nullable String sku, @Nullable String name, @Nullable String description,
			@Nullable String category, @Nullable String price, @Nullable Integer stock,
			@Nullable Map<String, Object> attributes, @Nullable Long version) {

		ManageCatalog.ProductInput input() {
			return new ManageCatalog.ProductInput(this.sku, this.name, this.description, this.category, this.price,
					this.stock, this.attributes);
		}

	}

	/** A product as the API shows it; the price is a string with two decimals. */
	record ProductResponse(String id, String sku, String name, String description, String category, String price,
			String currency, int stock, Map<String, Object> attributes, long version) {

		static ProductResponse of(Product product) {
			return new ProductResponse(product.id().toString(), product.sku(), product.name(), product.description(),
					product.category().value(), product.price().toPlainString(), product.price().currency(),
					product.stock(), product.attributes(), product.version());
		}

	}

	record ProductPageResponse(List<ProductResponse> items, @Nullable String nextCursor) {

		static ProductPageResponse of(Page<Product> page) {
			return new ProductPageResponse(page.items().stream().map(ProductResponse::of).toList(),
					(page.nextCursor() != null) ? page.nextCursor().value() : null);
		}

	}

	record FacetsResponse(Map<String, List<Facets.ValueCount>> attributes) {

		static FacetsResponse of(Facets facets) {
			return new FacetsResponse(facets.attributes());
		}

	}

}
