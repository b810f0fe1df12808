package io.polyglot.domain.shared;

/**
 * Base of every exception the domain throws on purpose; the web layer maps each kind to a
 * HTTP status code.
 */
public abstract class DomainException extends RuntimeException {

	protected DomainException(String message) {
		super(message);
	}

	protected DomainException(String message, Throwable cause) {
		super(message, cause);
	}

}
