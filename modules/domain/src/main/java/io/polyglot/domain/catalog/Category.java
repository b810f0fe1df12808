package io.polyglot.domain.catalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.polyglot.domain.shared.ValidationException;
import io.polyglot.domain.shared.ValidationException.FieldError;
import org.jspecify.annotations.Nullable;

/**
 * A category and its attribute schema: the schema lives in code and data, not in table
 * columns, and every product of the category is checked against it.
 */
public record Category(CategoryCode code, String name, List<AttributeDefinition> attributes) {

	/** Most attributes one category may define. */
	public static final int MAX_ATTRIBUTES = 30;

	/** Longest category name. */
	public static final int MAX_NAME_LENGTH = 100;

	public Category {
		Objects.requireNonNull(code, "code");
		if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH
				|| name.chars().anyMatch(Character::isISOControl)) {
			throw new ValidationException("name", "must be 1 to " + MAX_NAME_LENGTH + " characters");
		}
		attributes = List.copyOf(attributes);
		if (attributes.size() > MAX_ATTRIBUTES) {
			throw new ValidationException("attributes", "at most " + MAX_ATTRIBUTES + " attributes");
		}
		Set<String> names = new HashSet<>();
		for (AttributeDefinition attribute : attributes) {
			if (!names.add(attribute.name())) {
				throw new ValidationException("attributes", "attribute " + attribute.name() + " is defined twice");
			}
		}
	}

	/** The attribute with this name, if the schema has one. */
	public Optional<AttributeDefinition> attribute(String name) {
		return this.attributes.stream().filter((attribute) -> attribute.name().equals(name)).findFirst();
	}

	/**
	 * Checks a product's attributes against the schema and answers them typed.
	 * @throws ValidationException naming each unknown, missing or mistyped attribute as
	 * {@code attributes.<name>}
	 */
	public Map<String, Object> validate(@Nullable Map<String, ?> raw) {
		Map<String, ?> given = (raw != null) ? raw : Map.of();
		List<FieldError> errors = new ArrayList<>();
		Map<String, Object> typed = new LinkedHashMap<>();
		for (Map.Entry<String, ?> entry : given.entrySet()) {
			Optional<AttributeDefinition> definition = attribute(entry.getKey());
			if (definition.isEmpty()) {
				errors.add(new FieldError("attributes." + printable(entry.getKey()),
						"is not an attribute of category " + this.code));
				continue;
			}
			try {
				typed.put(entry.getKey(), definition.get().accept(entry.getValue()));
			}
			catch (ValidationException ex) {
				errors.addAll(ex.errors());
			}
		}
		for (AttributeDefinition definition : this.attributes) {
			if (definition.required() && !given.containsKey(definition.name())) {
				errors.add(new FieldError("attributes." + definition.name(), "is required"));
			}
		}
		if (!errors.isEmpty()) {
			throw new ValidationException(errors);
		}
		return typed;
	}

	/**
	 * A client's key as it may be echoed in an error: short, no control characters.
	 */
	static String printable(String key) {
		String shown = key.codePoints()
			.map((c) -> Character.isISOControl(c) ? '?' : c)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString();
		return (shown.length() > 64) ? shown.substring(0, 64) + "..." : shown;
	}

}
