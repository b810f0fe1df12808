package io.polyglot.domain.shared;

/**
 * The named thing does not exist, or the caller may not know that it does (mapped to a
 * 404 response).
 */
public final class NotFoundException extends DomainException {

	public NotFoundException(String message) {
		super(message);
	}

}
