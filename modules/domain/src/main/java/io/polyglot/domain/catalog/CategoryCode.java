package io.polyglot.domain.catalog;

import java.util.regex.Pattern;

import io.polyglot.domain.shared.ValidationException;

/**
 * The code of a category ({@code book}, {@code tv}): 1 to 32 lower-case letters, digits
 * and dashes, starting with a letter, so it is safe in a path, a query and a document.
 */
public record CategoryCode(String value) {

	private static final Pattern ALLOWED = Pattern.compile("[a-z][a-z0-9-]{0,31}");

	public CategoryCode {
		if (value == null || !ALLOWED.matcher(value).matches()) {
			throw new ValidationException("category",
					"must be 1 to 32 lower-case letters, digits or '-', starting with a letter");
		}
	}

	@Override
	public String toString() {
		return this.value;
	}

}
