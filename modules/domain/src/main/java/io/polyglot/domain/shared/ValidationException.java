package io.polyglot.domain.shared;

import java.util.List;

/**
 * Input that breaks a rule of the model; carries every offending field (mapped to 400).
 */
public final class ValidationException extends DomainException {

	private final List<FieldError> errors;

	public ValidationException(String field, String message) {
		this(List.of(new FieldError(field, message)));
	}

	public ValidationException(List<FieldError> errors) {
		super(summary(errors));
		if (errors.isEmpty()) {
			throw new IllegalArgumentException("a validation failure needs at least one field error");
		}
		this.errors = List.copyOf(errors);
	}

	public List<FieldError> errors() {
		return this.errors;
	}

	private static String summary(List<FieldError> errors) {
		StringBuilder summary = new StringBuilder();
		for (FieldError error : errors) {
			if (!summary.isEmpty()) {
				summary.append("; ");
			}
			summary.append(error.field()).append(": ").append(error.message());
		}
		return summary.toString();
	}

	/** One offending field and what is wrong with it. */
	public record FieldError(String field, String message) {
	}

}
