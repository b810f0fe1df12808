package io.polyglot.domain.catalog;

import java.util.Objects;

/**
 * One filter on a product attribute: the name was checked against the category's schema
 * and the value is typed by it, so neither can carry query syntax.
 */
public record AttributeFilter(String name, Operator operator, Object value) {

	public AttributeFilter {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(operator, "operator");
		Objects.requireNonNull(value, "value");
	}

	/** How the attribute is compared with the value. */
	public enum Operator {

		EQUALS, AT_LEAST, AT_MOST

	}

}
