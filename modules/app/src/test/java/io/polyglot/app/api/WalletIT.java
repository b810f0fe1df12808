package io.polyglot.app.api;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.test.web.servlet.client.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wallet over HTTP against the real stores: deposits, transfers with their two ledger
 * entries, refusals that write nothing, idempotency keys and ledger paging.
 */
class WalletIT extends WalletTestSupport {

	@Test
	void aNewCustomerHasAnEmptyAccountInTheServiceCurrency() {
		Client ada = newClient("acct");

		Map<String, Object> account = account(ada);

		assertThat(account).containsEntry("balance", "0.00").containsEntry("currency", "EUR").containsKey("id");
		assertThat(ledger(ada)).isEmpty();
	}

	@Test
	@SuppressWarnings("unchecked")
	void aDepositRaisesTheBalanceAndIsBookedOnce() {
		Client ada = newClient("dep");

		Map<String, Object> body = deposit(ada, UUID.randomUUID().toString(), Map.of("amount", "100.5")).expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();

		assertThat(body).containsEntry("balance", "100.50").containsEntry("amount", "100.50");
		assertThat(balance(ada)).isEqualByComparingTo("100.50");
		assertThat(ledger(ada)).singleElement()
			.satisfies((entry) -> assertThat(entry).containsEntry("kind", "DEPOSIT")
				.containsEntry("amount", "100.50")
				.containsEntry("balanceAfter", "100.50"));
	}

	@Test
	@SuppressWarnings("unchecked")
	void aTransferMovesMoneyWithADebitAndACreditThatSumToZero() {
		Client ada = newClient("from");
		Client bob = newClient("to");
		depositOk(ada, "50.00");

		Map<String, Object> transfer = transfer(ada, UUID.randomUUID().toString(),
				Map.of("toCustomerId", bob.id(), "amount", "20.50"))
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();

		assertThat(transfer).containsKeys("id", "fromAccountId", "toAccountId", "createdAt")
			.containsEntry("amount", "20.50")
			.containsEntry("fromAccountId", account(ada).get("id"))
			.containsEntry("toAccountId", account(bob).get("id"));
		assertThat(balance(ada)).isEqualByComparingTo("29.50");
		assertThat(balance(bob)).isEqualByComparingTo("20.50");
		assertThat(ledger(ada).get(0)).containsEntry("kind", "TRANSFER_OUT")
			.containsEntry("amount", "-20.50")
			.containsEntry("balanceAfter", "29.50")
			.containsEntry("reference", transfer.get("id"));
		assertThat(ledger(bob).get(0)).containsEntry("kind", "TRANSFER_IN")
			.containsEntry("amount", "20.50")
			.containsEntry("balanceAfter", "20.50")
			.containsEntry("reference", transfer.get("id"));
		assertThat(this.jdbc.queryForObject("SELECT sum(amount) FROM ledger_entries WHERE reference = ?",
				BigDecimal.class, UUID.fromString((String) transfer.get("id"))))
			.isEqualByComparingTo("0");
	}

	@Test
	void aTransferRecordsMoneyTransferredOnBothAccountStreamsInTheSameTransaction() {
		Client ada = newClient("evt");
		Client bob = newClient("evt");
		depositOk(ada, "10.00");

		Map<?, ?> transfer = transfer(ada, UUID.randomUUID().toString(),
				Map.of("toCustomerId", bob.id(), "amount", "4.00"))
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();

		List<Map<String, Object>> events = this.jdbc.queryForList(
				"SELECT stream, owner_id::text AS owner, payload->>'direction' AS direction FROM outbox "
						+ "WHERE type = 'MoneyTransferred' AND payload->>'transferId' = ? ORDER BY direction",
				transfer.get("id"));
		assertThat(events).containsExactly(
				Map.of("stream", "account:" + account(bob).get("id"), "owner", bob.id(), "direction", "in"),
				Map.of("stream", "account:" + account(ada).get("id"), "owner", ada.id(), "direction", "out"));
		assertThat(this.jdbc.queryForObject(
				"SELECT count(*) FROM outbox WHERE type = 'DepositMade' AND owner_id = ?::uuid", Long.class, ada.id()))
			.isEqualTo(1);
	}

	@Test
	void insufficientFundsIs422AndWritesNothing() {
		Client ada = newClient("poor");
		Client bob = newClient("rich");
		depositOk(ada, "10.00");
		String key = UUID.randomUUID().toString();

		Map<String, Object> problem = problem(transfer(ada, key, Map.of("toCustomerId", bob.id(), "amount", "10.01")),
				422);

		assertThat((String) problem.get("detail")).contains("Insufficient funds");
		assertThat(balance(ada)).isEqualByComparingTo("10.00");
		assertThat(balance(bob)).isEqualByComparingTo("0.00");
		assertThat(ledger(ada)).hasSize(1);
		assertThat(transfersFrom(ada)).isZero();
		assertThat(this.jdbc.queryForObject(
				"SELECT count(*) FROM outbox WHERE type = 'MoneyTransferred' AND owner_id = ?::uuid", Long.class,
				ada.id()))
			.isZero();
		// the refusal changed nothing, so the key was released: once the money is there,
		// the same request with the same key goes through
		depositOk(ada, "0.01");
		transfer(ada, key, Map.of("toCustomerId", bob.id(), "amount", "10.01")).expectStatus().isCreated();
		assertThat(balance(bob)).isEqualByComparingTo("10.01");
	}

	@Test
	void aTransferToYourselfIsRefused() {
		Client ada = newClient("self");
		depositOk(ada, "10.00");

		Map<String, Object> problem = problem(
				transfer(ada, UUID.randomUUID().toString(), Map.of("toCustomerId", ada.id(), "amount", "1.00")), 422);

		assertThat((String) problem.get("detail")).contains("yourself");
		assertThat(ledger(ada)).hasSize(1);
	}

	@Test
	void aTransferToAnUnknownCustomerIsRefused() {
		Client ada = newClient("lost");
		depositOk(ada, "10.00");

		Map<String, Object> problem = problem(transfer(ada, UUID.randomUUID().toString(),
				Map.of("toCustomerId", UUID.randomUUID().toString(), "amount", "1.00")), 422);

		assertThat((String) problem.get("detail")).contains("not a customer");
		assertThat(balance(ada)).isEqualByComparingTo("10.00");
		assertThat(transfersFrom(ada)).isZero();
	}

	@Test
	void theSameKeyAndBodyReplaysTheFirstResponse() {
		Client ada = newClient("replay");
		Client bob = newClient("payee");
		depositOk(ada, "30.00");
		String key = UUID.randomUUID().toString();
		Map<String, String> body = Map.of("toCustomerId", bob.id(), "amount", "5.00");

		EntityExchangeResult<String> first = transfer(ada, key, body).expectStatus()
			.isCreated()
			.expectBody(String.class)
			.returnResult();
		EntityExchangeResult<String> second = transfer(ada, key, body).expectStatus()
			.isCreated()
			.expectHeader()
			.valueEquals("Idempotent-Replayed", "true")
			.expectBody(String.class)
			.returnResult();

		assertThat(second.getResponseBody()).isEqualTo(first.getResponseBody());
		assertThat(balance(ada)).isEqualByComparingTo("25.00");
		assertThat(transfersFrom(ada)).isEqualTo(1);
	}

	@Test
	void theSameKeyWithADifferentBodyIs422AndChangesNothing() {
		Client ada = newClient("reuse");
		Client bob = newClient("payee");
		depositOk(ada, "30.00");
		String key = UUID.randomUUID().toString();
		transfer(ada, key, Map.of("toCustomerId", bob.id(), "amount", "5.00")).expectStatus().isCreated();

		Map<String, Object> problem = problem(transfer(ada, key, Map.of("toCustomerId", bob.id(), "amount", "6.00")),
				422);

		assertThat((String) problem.get("detail")).contains("Idempotency-Key");
		assertThat(balance(ada)).isEqualByComparingTo("25.00");
		// the key belongs to the caller: another customer may use the same text
		Client eve = newClient("other");
		depositOk(eve, "7.00");
		transfer(eve, key, Map.of("toCustomerId", bob.id(), "amount", "6.00")).expectStatus().isCreated();
	}

	@Test
	void theSameKeySentTenTimesAtOnceMakesExactlyOneTransfer() throws Exception {
		Client ada = newClient("burst");
		Client bob = newClient("payee");
		depositOk(ada, "100.00");
		String key = UUID.randomUUID().toString();
		Map<String, String> body = Map.of("toCustomerId", bob.id(), "amount", "7.00");
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(10);
		try {
			List<Future<Integer>> statuses = new ArrayList<>();
			for (int i = 0; i < 10; i++) {
				Callable<Integer> send = () -> {
					start.await(10, TimeUnit.SECONDS);
					return transfer(ada, key, body).returnResult(String.class).getStatus().value();
				};
				statuses.add(pool.submit(send));
			}
			start.countDown();
			List<Integer> seen = new ArrayList<>();
			for (Future<Integer> status : statuses) {
				seen.add(status.get(60, TimeUnit.SECONDS));
			}

			// one executes; the others replay it (201) or find it in flight (409)
			assertThat(seen).isSubsetOf(201, 409).contains(201);
			assertThat(transfersFrom(ada)).isEqualTo(1);
			assertThat(balance(ada)).isEqualByComparingTo("93.00");
			assertThat(balance(bob)).isEqualByComparingTo("7.00");
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void theLedgerIsPagedNewestFirstWithoutGapsOrRepeats() {
		Client ada = newClient("pages");
		for (int i = 1; i <= 5; i++) {
			depositOk(ada, i + ".00");
		}
		List<Object> seen = new ArrayList<>();
		String cursor = null;
		int pages = 0;
		do {
			Map<String, Object> page = get(
					"/api/v1/accounts/me/ledger?limit=2" + ((cursor != null) ? "&cursor=" + cursor : ""), ada.token())
				.expectStatus()
				.isOk()
				.expectBody(Map.class)
				.returnResult()
				.getResponseBody();
			((List<Map<String, Object>>) page.get("items")).forEach((item) -> seen.add(item.get("amount")));
			cursor = (String) page.get("nextCursor");
			pages++;
		}
		while (cursor != null);

		assertThat(pages).isEqualTo(3);
		assertThat(seen).containsExactly("5.00", "4.00", "3.00", "2.00", "1.00");
	}

	@Test
	void everyWalletEndpointNeedsASession() {
		problem(this.http.get().uri("/api/v1/accounts/me").exchange(), 401);
		problem(this.http.get().uri("/api/v1/accounts/me/ledger").exchange(), 401);
		problem(this.http.post()
			.uri("/api/v1/transfers")
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.body(Map.of("toCustomerId", UUID.randomUUID().toString(), "amount", "1.00"))
			.exchange(), 401);
	}

}
