package io.polyglot.domain.shared;

/**
 * The request clashes with the current state: a duplicate, a stale version, a forbidden
 * status move (409).
 */
public final class ConflictException extends DomainException {

	public ConflictException(String message) {
		super(message);
	}

}
