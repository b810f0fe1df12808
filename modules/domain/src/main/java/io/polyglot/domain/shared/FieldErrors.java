package io.polyglot.domain.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.polyglot.domain.shared.ValidationException.FieldError;
import org.jspecify.annotations.Nullable;

/**
 * Collects the errors of several fields parsed one after another, so a client learns
 * about every bad field of a request at once.
 */
public final class FieldErrors {

	private final List<FieldError> errors = new ArrayList<>();

	/**
	 * Parses one field, or records its errors and returns {@code null}; a missing field
	 * is "is required".
	 */
	public <T> @Nullable T parse(String field, @Nullable String text, Function<String, T> parser) {
		if (text == null) {
			this.errors.add(new FieldError(field, "is required"));
			return null;
		}
		return parse(() -> parser.apply(text));
	}

	/** Runs one parser, or records its errors and returns {@code null}. */
	public <T> @Nullable T parse(java.util.function.Supplier<T> parser) {
		try {
			return parser.get();
		}
		catch (ValidationException ex) {
			this.errors.addAll(ex.errors());
			return null;
		}
	}

	/** Records an error. */
	public void add(String field, String message) {
		this.errors.add(new FieldError(field, message));
	}

	/**
	 * Throws every recorded error as one {@link ValidationException}, if there are any.
	 */
	public void throwIfAny() {
		if (!this.errors.isEmpty()) {
			throw new ValidationException(this.errors);
		}
	}

}
