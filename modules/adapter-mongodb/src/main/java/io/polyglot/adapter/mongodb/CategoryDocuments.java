package io.polyglot.adapter.mongodb;

import java.util.ArrayList;
import java.util.List;

import io.polyglot.domain.catalog.AttributeDefinition;
import io.polyglot.domain.catalog.AttributeType;
import io.polyglot.domain.catalog.Category;
import io.polyglot.domain.catalog.CategoryCode;
import org.bson.Document;

/**
 * The layout of a category document: {@code { _id: "book", name, attributes: [ { name,
 * type, required, values } ] }}, mapped to and from the domain.
 */
final class CategoryDocuments {

	private CategoryDocuments() {
	}

	/** Everything but the id, for a replace or an insert. */
	static Document fields(Category category) {
		List<Document> attributes = new ArrayList<>();
		for (AttributeDefinition attribute : category.attributes()) {
			attributes.add(new Document("name", attribute.name()).append("type", attribute.type().apiName())
				.append("required", attribute.required())
				.append("values", attribute.values()));
		}
		return new Document("name", category.name()).append("attributes", attributes);
	}

	static Category toCategory(Document document) {
		List<AttributeDefinition> attributes = new ArrayList<>();
		for (Document attribute : document.getList("attributes", Document.class, List.of())) {
			attributes.add(new AttributeDefinition(attribute.getString("name"),
					AttributeType.parse("type", attribute.getString("type")),
					Boolean.TRUE.equals(attribute.getBoolean("required")),
					attribute.getList("values", String.class, List.of())));
		}
		return new Category(new CategoryCode(document.getString("_id")), document.getString("name"), attributes);
	}

}
