package io.polyglot.domain.shared;

/**
 * The named thing does not exist, or the caller may not know that it does (mapped to
 * 404).
 */
public final class NotFoundException extends DomainException {

	public NotFoundException(String message) {
		super(message);
	}

}
