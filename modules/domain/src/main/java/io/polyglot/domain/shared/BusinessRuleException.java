package io.polyglot.domain.shared;

/**
 * Well-formed input that a business rule refuses, such as insufficient funds or stock
 * (mapped to 422).
 */
public final class BusinessRuleException extends DomainException {

	public BusinessRuleException(String message) {
		super(message);
	}

}
