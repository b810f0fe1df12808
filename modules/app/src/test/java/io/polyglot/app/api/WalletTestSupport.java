package io.polyglot.app.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Wallet helpers for the API tests: customers with money, keyed requests, SQL checks. */
abstract class WalletTestSupport extends ApiTestSupport {

	@Autowired
	JdbcTemplate jdbc;

	/** A registered, logged-in customer. */
	record Client(String id, String username, String token) {
	}

	Client newClient(String prefix) {
		String username = unique(prefix);
		String id = register(username, PASSWORD);
		return new Client(id, username, login(username, PASSWORD));
	}

	RestTestClient.ResponseSpec deposit(Client client, String key, Object body) {
		return post("/api/v1/accounts/me/deposits", client, key, body);
	}

	RestTestClient.ResponseSpec transfer(Client client, String key, Object body) {
		return post("/api/v1/transfers", client, key, body);
	}

	RestTestClient.ResponseSpec post(String path, Client client, String key, Object body) {
		RestTestClient.RequestBodySpec request = this.http.post()
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + client.token())
			.contentType(MediaType.APPLICATION_JSON);
		if (key != null) {
			request = request.header("Idempotency-Key", key);
		}
		return request.body(body).exchange();
	}

	void depositOk(Client client, String amount) {
		deposit(client, UUID.randomUUID().toString(), Map.of("amount", amount)).expectStatus().isCreated();
	}

	@SuppressWarnings("unchecked")
	Map<String, Object> account(Client client) {
		return get("/api/v1/accounts/me", client.token()).expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	BigDecimal balance(Client client) {
		return new BigDecimal((String) account(client).get("balance"));
	}

	@SuppressWarnings("unchecked")
	List<Map<String, Object>> ledger(Client client) {
		Map<String, Object> page = get("/api/v1/accounts/me/ledger?limit=100", client.token()).expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(page).isNotNull();
		return (List<Map<String, Object>>) page.get("items");
	}

	long transfersFrom(Client client) {
		return this.jdbc.queryForObject(
				"SELECT count(*) FROM transfers t JOIN accounts a ON a.id = t.from_account_id WHERE a.customer_id = ?",
				Long.class, UUID.fromString(client.id()));
	}

}
