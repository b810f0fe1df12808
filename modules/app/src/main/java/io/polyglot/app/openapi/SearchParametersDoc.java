package io.polyglot.app.openapi;

import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;

/**
 * The query of {@code GET /products} and {@code /products/facets} spelled out: the
 * controller takes the whole query string (to refuse unknown names), which springdoc
 * would show as one opaque object.
 */
final class SearchParametersDoc {

	private SearchParametersDoc() {
	}

	static void apply(Operation operation, boolean facets) {
		List<Parameter> parameters = new ArrayList<>();
		parameters.add(query("category",
				facets ? "The category whose attribute values are counted" : "Only products of this category",
				new StringSchema().maxLength(64).example("laptops"), facets));
		parameters.add(query("q", "Words that must all appear in the name or description (case-insensitive)",
				new StringSchema().maxLength(200).example("ultralight"), false));
		parameters.add(query("minPrice", "Lowest price, inclusive", new StringSchema().example("500.00"), false));
		parameters.add(query("maxPrice", "Highest price, inclusive", new StringSchema().example("1500.00"), false));
		if (!facets) {
			parameters.add(query("sort", "Order of the results",
					new StringSchema()._enum(List.of("price", "-price", "name")).example("-price"), false));
			parameters.add(query("limit", "Page size",
					new IntegerSchema().minimum(java.math.BigDecimal.ONE)
						.maximum(java.math.BigDecimal.valueOf(100))
						._default(20),
					false));
			parameters.add(query("cursor", "The `nextCursor` of the previous page", new StringSchema(), false));
		}
		ObjectSchema filters = new ObjectSchema();
		filters.setAdditionalProperties(new StringSchema());
		filters.setDescription("Attribute filters, one query parameter each");
		parameters.add(new Parameter().in("query")
			.name("attr")
			.style(Parameter.StyleEnum.FORM)
			.explode(true)
			.required(false)
			.description("Attribute filters of the category's schema, each its own query parameter: "
					+ "`attr.<name>=<value>` (equality; `true`/`false` for booleans), `attr.<name>.gte=<number>` "
					+ "and `attr.<name>.lte=<number>` (ranges of integer and number attributes). Example: "
					+ "`attr.brand=Acme&attr.ramGb.gte=16`. Any other parameter name is refused with 400.")
			.schema(filters)
			.example(java.util.Map.of("attr.brand", "Acme", "attr.ramGb.gte", "16")));
		operation.setParameters(parameters);
	}

	private static Parameter query(String name, String description, io.swagger.v3.oas.models.media.Schema<?> schema,
			boolean required) {
		return new Parameter().in("query").name(name).description(description).required(required).schema(schema);
	}

}
