package io.polyglot.domain.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An exact amount of one currency with two decimals; never a floating-point number.
 */
public record Money(BigDecimal amount, String currency) implements Comparable<Money> {

	/** Scale of every amount: cents. */
	public static final int SCALE = 2;

	private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

	public Money {
		Objects.requireNonNull(amount, "amount");
		Objects.requireNonNull(currency, "currency");
		if (!CURRENCY.matcher(currency).matches()) {
			throw new ValidationException("currency", "must be an ISO-4217 code such as EUR");
		}
		if (amount.stripTrailingZeros().scale() > SCALE) {
			throw new ValidationException("amount", "must have at most two decimals");
		}
		amount = amount.setScale(SCALE, RoundingMode.UNNECESSARY);
	}

	/** Zero in the given currency. */
	public static Money zero(String currency) {
		return new Money(BigDecimal.ZERO, currency);
	}

	/**
	 * Parses a decimal string such as {@code "12.50"}; anything else is a validation
	 * error on the amount.
	 */
	public static Money parse(String amount, String currency) {
		try {
			return new Money(new BigDecimal(amount), currency);
		}
		catch (NumberFormatException ex) {
			throw new ValidationException("amount", "must be a decimal number such as \"12.50\"");
		}
	}

	public Money plus(Money other) {
		requireSameCurrency(other);
		return new Money(this.amount.add(other.amount), this.currency);
	}

	public Money minus(Money other) {
		requireSameCurrency(other);
		return new Money(this.amount.subtract(other.amount), this.currency);
	}

	public Money times(int quantity) {
		return new Money(this.amount.multiply(BigDecimal.valueOf(quantity)), this.currency);
	}

	public Money negate() {
		return new Money(this.amount.negate(), this.currency);
	}

	public boolean isPositive() {
		return this.amount.signum() > 0;
	}

	public boolean isNegative() {
		return this.amount.signum() < 0;
	}

	@Override
	public int compareTo(Money other) {
		requireSameCurrency(other);
		return this.amount.compareTo(other.amount);
	}

	/** The amount as the API writes it: a plain string with two decimals. */
	public String toPlainString() {
		return this.amount.toPlainString();
	}

	private void requireSameCurrency(Money other) {
		if (!this.currency.equals(other.currency)) {
			throw new IllegalArgumentException("cannot combine " + this.currency + " and " + other.currency);
		}
	}

	@Override
	public String toString() {
		return this.amount.toPlainString() + " " + this.currency;
	}

}
