package io.polyglot.domain.catalog;

import java.util.Locale;

import io.polyglot.domain.shared.ValidationException;

/** The type of a category attribute, as the API spells it in lower case. */
public enum AttributeType {

	STRING, INTEGER, NUMBER, BOOLEAN, ENUM;

	/** The API's spelling: {@code string}, {@code integer}, ... */
	public String apiName() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Whether range filters ({@code .gte}, {@code .lte}) make sense for the type. */
	public boolean isOrdered() {
		return this == INTEGER || this == NUMBER;
	}

	/** Parses the API spelling; anything else is a validation error on the field. */
	public static AttributeType parse(String field, String text) {
		for (AttributeType type : values()) {
			if (type.apiName().equals(text)) {
				return type;
			}
		}
		throw new ValidationException(field, "must be one of string, integer, number, boolean, enum");
	}

}
