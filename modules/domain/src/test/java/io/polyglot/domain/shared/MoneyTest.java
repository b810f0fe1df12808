package io.polyglot.domain.shared;

import java.math.BigDecimal;

import io.polyglot.domain.account.Amounts;
import io.polyglot.domain.shared.ValidationException.FieldError;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The money rules: exact cents in one currency, and what a client may ask to move. */
class MoneyTest {

	private final Amounts amounts = new Amounts("EUR", new Money(new BigDecimal("1000.00"), "EUR"));

	@Test
	void amountsAreExactCentsAndArithmeticStaysInOneCurrency() {
		Money price = Money.parse("0.10", "EUR");

		assertThat(price.plus(Money.parse("0.20", "EUR"))).isEqualTo(Money.parse("0.30", "EUR"));
		assertThat(price.times(3).toPlainString()).isEqualTo("0.30");
		assertThat(Money.parse("5", "EUR").toPlainString()).isEqualTo("5.00");
		assertThat(Money.parse("1.50", "EUR").minus(Money.parse("2.00", "EUR")).isNegative()).isTrue();
		assertThatIllegalArgumentException().isThrownBy(() -> price.plus(Money.parse("0.10", "USD")));
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> Money.parse("0.001", "EUR"));
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> Money.parse("1.00", "euro"));
	}

	@ParameterizedTest
	@CsvSource(textBlock = """
			12.50   | 12.50
			0.01    | 0.01
			1000    | 1000.00
			7.1     | 7.10
			""", delimiter = '|')
	void aClientAmountWithinTheRulesIsAccepted(String text, String expected) {
		Money amount = this.amounts.parse("amount", text);

		assertThat(amount.toPlainString()).isEqualTo(expected);
		assertThat(amount.currency()).isEqualTo("EUR");
		assertThat(this.amounts.check("amount", amount)).isEqualTo(amount);
	}

	@ParameterizedTest
	@CsvSource(textBlock = """
			abc                                   | must be a decimal string such as "12.50"
			1e4                                   | must be at most 1000.00
			0                                     | must be positive
			-5.00                                 | must be positive
			1000.01                               | must be at most 1000.00
			1.005                                 | must have at most two decimals
			123456789012345678901234567890123     | must be a decimal string such as "12.50"
			""", delimiter = '|')
	void aClientAmountBreakingARuleNamesTheFieldAndTheRule(String text, String message) {
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> this.amounts.parse("amount", text))
			.satisfies((ex) -> assertThat(ex.errors()).containsExactly(new FieldError("amount", message)));
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { " ", "\t" })
	void aMissingAmountIsRequired(String text) {
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> this.amounts.parse("amount", text))
			.satisfies((ex) -> assertThat(ex.errors()).containsExactly(new FieldError("amount", "is required")));
	}

	@Test
	void aParsedAmountInAnotherCurrencyOrOverTheMaximumIsRefusedByTheUseCaseCheck() {
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> this.amounts.check("amount", Money.parse("5.00", "USD")));
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> this.amounts.check("amount", Money.parse("1000.01", "EUR")));
		assertThatIllegalArgumentException().isThrownBy(() -> new Amounts("EUR", Money.parse("1.00", "USD")));
	}

}
