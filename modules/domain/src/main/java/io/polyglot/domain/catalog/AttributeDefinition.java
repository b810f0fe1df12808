package io.polyglot.domain.catalog;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import io.polyglot.domain.shared.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * One attribute of a category's schema. The name is a plain identifier (no dots, no
 * {@code $}), so it can never become a query operator or a nested path in the store.
 * Values of an attribute are held as {@link String} (string, enum), {@link Long}
 * (integer), {@link Double} (number) or {@link Boolean}.
 */
public record AttributeDefinition(String name, AttributeType type, boolean required, List<String> values) {

	/** Longest string (or enum) attribute value. */
	public static final int MAX_STRING_LENGTH = 200;

	/** Most values an enum may list. */
	public static final int MAX_ENUM_VALUES = 50;

	private static final Pattern NAME = Pattern.compile("[a-z][a-zA-Z0-9_]{0,31}");

	public AttributeDefinition {
		Objects.requireNonNull(type, "type");
		if (name == null || !NAME.matcher(name).matches()) {
			throw new ValidationException("name",
					"must be 1 to 32 letters, digits or '_', starting with a lower-case letter");
		}
		values = List.copyOf(values);
		if (type == AttributeType.ENUM) {
			if (values.isEmpty() || values.size() > MAX_ENUM_VALUES) {
				throw new ValidationException("values", "an enum needs 1 to " + MAX_ENUM_VALUES + " values");
			}
			Set<String> seen = new HashSet<>();
			for (String value : values) {
				if (value.isBlank() || value.length() > MAX_STRING_LENGTH || !seen.add(value)) {
					throw new ValidationException("values",
							"must be distinct, non-blank and at most " + MAX_STRING_LENGTH + " characters");
				}
			}
		}
		else if (!values.isEmpty()) {
			throw new ValidationException("values", "only an enum lists values");
		}
	}

	/**
	 * The value a product gives this attribute, in its typed form; JSON numbers, strings
	 * and booleans only, never an object or array.
	 * @throws ValidationException on field {@code attributes.<name>} when the value has
	 * the wrong type
	 */
	public Object accept(@Nullable Object value) {
		String field = "attributes." + this.name;
		switch (this.type) {
			case STRING -> {
				if (value instanceof String text) {
					return checkText(field, text);
				}
				throw new ValidationException(field, "must be a string");
			}
			case ENUM -> {
				if (value instanceof String text && this.values.contains(text)) {
					return text;
				}
				throw new ValidationException(field, "must be one of " + this.values);
			}
			case BOOLEAN -> {
				if (value instanceof Boolean flag) {
					return flag;
				}
				throw new ValidationException(field, "must be true or false");
			}
			case INTEGER -> {
				if (value instanceof Integer || value instanceof Long || value instanceof Short) {
					return ((Number) value).longValue();
				}
				if (value instanceof BigInteger big && big.bitLength() < 64) {
					return big.longValue();
				}
				throw new ValidationException(field, "must be a whole number");
			}
			case NUMBER -> {
				if (value instanceof Integer || value instanceof Long || value instanceof Short) {
					return ((Number) value).doubleValue();
				}
				if ((value instanceof Double || value instanceof Float)
						&& Double.isFinite(((Number) value).doubleValue())) {
					return ((Number) value).doubleValue();
				}
				if (value instanceof BigDecimal decimal && Double.isFinite(decimal.doubleValue())) {
					return decimal.doubleValue();
				}
				throw new ValidationException(field, "must be a number");
			}
			default -> throw new IllegalStateException("unknown type " + this.type);
		}
	}

	/**
	 * Parses a query parameter's text into this attribute's typed value, for filters.
	 * @throws ValidationException on {@code field} when the text is not such a value
	 */
	public Object parse(String field, String text) {
		try {
			return switch (this.type) {
				case STRING -> checkText(field, text);
				case ENUM -> {
					if (!this.values.contains(text)) {
						throw new ValidationException(field, "must be one of " + this.values);
					}
					yield text;
				}
				case BOOLEAN -> switch (text) {
					case "true" -> Boolean.TRUE;
					case "false" -> Boolean.FALSE;
					default -> throw new ValidationException(field, "must be true or false");
				};
				case INTEGER -> Long.parseLong(text);
				case NUMBER -> {
					double number = Double.parseDouble(text);
					if (!Double.isFinite(number) || text.length() > 40) {
						throw new NumberFormatException(text);
					}
					yield number;
				}
			};
		}
		catch (NumberFormatException ex) {
			throw new ValidationException(field,
					"must be a " + ((this.type == AttributeType.INTEGER) ? "whole " : "") + "number");
		}
	}

	private static String checkText(String field, String text) {
		if (text.length() > MAX_STRING_LENGTH) {
			throw new ValidationException(field, "must be at most " + MAX_STRING_LENGTH + " characters");
		}
		if (text.chars().anyMatch(Character::isISOControl)) {
			throw new ValidationException(field, "must not contain control characters");
		}
		return text;
	}

}
