package io.polyglot.domain.account;

import java.math.BigDecimal;

import io.polyglot.domain.shared.Money;
import io.polyglot.domain.shared.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * The rules for an amount of money a client asks to move: a decimal string, positive, at
 * most two decimals, at most the configured maximum, in the service's currency.
 */
public record Amounts(String currency, Money maximum) {

	// longer than any amount under the maximum could be; refused before parsing
	private static final int MAX_TEXT_LENGTH = 32;

	public Amounts {
		if (!maximum.isPositive() || !maximum.currency().equals(currency)) {
			throw new IllegalArgumentException("the maximum must be a positive amount in " + currency);
		}
	}

	/** Parses and checks the amount the client sent. */
	public Money parse(String field, @Nullable String text) {
		if (text == null || text.isBlank()) {
			throw new ValidationException(field, "is required");
		}
		String example = "must be a decimal string such as \"12.50\"";
		if (text.length() > MAX_TEXT_LENGTH) {
			throw new ValidationException(field, example);
		}
		BigDecimal value;
		try {
			value = new BigDecimal(text);
		}
		catch (NumberFormatException ex) {
			throw new ValidationException(field, example);
		}
		return check(field, value);
	}

	/**
	 * Checks an amount already parsed: what {@link #parse} accepts, and nothing else. Use
	 * cases check again what the edge parsed, with the same messages.
	 */
	public Money check(String field, Money amount) {
		if (!amount.currency().equals(this.currency)) {
			throw new ValidationException(field, "must be in " + this.currency);
		}
		return check(field, amount.amount());
	}

	private Money check(String field, BigDecimal value) {
		if (value.signum() <= 0) {
			throw new ValidationException(field, "must be positive");
		}
		if (value.compareTo(this.maximum.amount()) > 0) {
			throw new ValidationException(field, "must be at most " + this.maximum.toPlainString());
		}
		if (value.stripTrailingZeros().scale() > Money.SCALE) {
			throw new ValidationException(field, "must have at most two decimals");
		}
		return new Money(value, this.currency);
	}

}
