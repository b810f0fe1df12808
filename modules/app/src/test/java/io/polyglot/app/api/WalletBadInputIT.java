package io.polyglot.app.api;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Broken and hostile input to the wallet endpoints: each is a 4xx problem+json naming the
 * field, and afterwards balances, ledger and transfers are exactly as before.
 */
class WalletBadInputIT extends WalletTestSupport {

	private Client ada;

	private Client bob;

	@BeforeEach
	void customersWithMoney() {
		this.ada = newClient("bad");
		this.bob = newClient("payee");
		depositOk(this.ada, "100.00");
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "0.00", "-5.00", "12.345", "0.001", "1e30", "1000000.01", "abc", "12,50", "NaN",
			"Infinity", "", " ", "0x10", "99999999999999999999999999999999999999999" })
	void badAmountsAreRefusedForTransfersAndDeposits(String amount) {
		Map<String, Object> transfer = problem(
				transfer(this.ada, key(), Map.of("toCustomerId", this.bob.id(), "amount", amount)), 400);
		Map<String, Object> deposit = problem(deposit(this.ada, key(), Map.of("amount", amount)), 400);

		assertThat(fields(transfer)).containsExactly("amount");
		assertThat(fields(deposit)).containsExactly("amount");
		assertNothingChanged();
	}

	@Test
	void amountsMustBeJsonStringsNotNumbers() {
		problem(transfer(this.ada, key(), "{\"toCustomerId\":\"" + this.bob.id() + "\",\"amount\":10}"), 400);
		problem(deposit(this.ada, key(), "{\"amount\":10.5}"), 400);
		assertNothingChanged();
	}

	@Test
	void missingFieldsAreNamed() {
		assertThat(fields(problem(transfer(this.ada, key(), "{}"), 400))).containsExactly("toCustomerId", "amount");
		assertThat(fields(problem(deposit(this.ada, key(), "{}"), 400))).containsExactly("amount");
		assertThat(fields(problem(transfer(this.ada, key(), "{\"toCustomerId\":null,\"amount\":null}"), 400)))
			.containsExactly("toCustomerId", "amount");
		assertNothingChanged();
	}

	@ParameterizedTest
	@ValueSource(strings = { "not-a-uuid", "x' OR 1=1 --", "3f2b6c1e8a4d4e7f9b0a1c2d3e4f5a6b", "{\"$gt\":\"\"}",
			"../../admin", "00000000-0000-0000-0000-00000000000g" })
	void malformedRecipientsAreRefused(String recipient) {
		Map<String, Object> problem = problem(
				transfer(this.ada, key(), Map.of("toCustomerId", recipient, "amount", "1.00")), 400);

		assertThat(fields(problem)).containsExactly("toCustomerId");
		assertNothingChanged();
	}

	@Test
	void aRecipientThatIsNotAStringIsRefused() {
		problem(transfer(this.ada, key(), "{\"toCustomerId\":{\"$gt\":\"\"},\"amount\":\"1.00\"}"), 400);
		problem(transfer(this.ada, key(), "{\"toCustomerId\":[\"" + this.bob.id() + "\"],\"amount\":\"1.00\"}"), 400);
		assertNothingChanged();
	}

	@Test
	void unknownFieldsAndMalformedJsonAreRefused() {
		problem(deposit(this.ada, key(), "{\"amount\":\"1.00\",\"balance\":\"1000000.00\"}"), 400);
		problem(transfer(this.ada, key(), "{\"toCustomerId\":\"" + this.bob.id()
				+ "\",\"amount\":\"1.00\",\"fromCustomerId\":\"" + this.bob.id() + "\"}"), 400);
		problem(deposit(this.ada, key(), "{\"amount\":"), 400);
		problem(deposit(this.ada, key(), "{\"amount\":\"1.00\",\"amount\":\"2.00\"}"), 400);
		assertNothingChanged();
	}

	@Test
	void theIdempotencyKeyHeaderIsRequiredAndChecked() {
		Map<String, String> body = Map.of("amount", "1.00");
		assertThat(fields(problem(deposit(this.ada, null, body), 400))).containsExactly("Idempotency-Key");
		for (String bad : List.of("", "has space", "x".repeat(256), "tab\tinside")) {
			assertThat(fields(problem(deposit(this.ada, bad, body), 400))).containsExactly("Idempotency-Key");
		}
		assertThat(
				fields(problem(transfer(this.ada, null, Map.of("toCustomerId", this.bob.id(), "amount", "1.00")), 400)))
			.containsExactly("Idempotency-Key");
		assertNothingChanged();
	}

	@Test
	void hostileLedgerPagingIsRefused() {
		for (String query : List.of("limit=0", "limit=101", "limit=1000000", "limit=-1", "limit=abc",
				"cursor=not!base64", "cursor=" + "A".repeat(600), "cursor=bGVkZ2VyOmFiYw", "cursor=b3JkZXI6MTI")) {
			problem(get("/api/v1/accounts/me/ledger?" + query, this.ada.token()), 400);
		}
	}

	@Test
	void aKeyRefusedForBadInputCanBeUsedForTheCorrectedRequest() {
		String key = key();
		problem(deposit(this.ada, key, Map.of("amount", "-1.00")), 400);

		deposit(this.ada, key, Map.of("amount", "1.00")).expectStatus().isCreated();
		assertThat(balance(this.ada)).isEqualByComparingTo("101.00");
	}

	private void assertNothingChanged() {
		assertThat(balance(this.ada)).isEqualByComparingTo("100.00");
		assertThat(balance(this.bob)).isEqualByComparingTo("0.00");
		assertThat(ledger(this.ada)).hasSize(1);
		assertThat(ledger(this.bob)).isEmpty();
		assertThat(transfersFrom(this.ada)).isZero();
	}

	private static String key() {
		return UUID.randomUUID().toString();
	}

	@SuppressWarnings("unchecked")
	private static List<String> fields(Map<String, Object> problem) {
		List<Map<String, String>> errors = (List<Map<String, String>>) problem.get("errors");
		assertThat(errors).as("errors of %s", problem).isNotNull();
		return errors.stream().map((error) -> error.get("field")).toList();
	}

}
