package io.polyglot.app.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.polyglot.domain.account.Customer;
import io.polyglot.domain.account.Customers;
import io.polyglot.domain.account.Email;
import io.polyglot.domain.account.Password;
import io.polyglot.domain.account.PasswordHasher;
import io.polyglot.domain.account.Role;
import io.polyglot.domain.account.Username;
import io.polyglot.domain.eventlog.DomainEvent;
import io.polyglot.domain.eventlog.EventStream;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.Transactions;
import io.polyglot.domain.social.PersonProjection;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Social graph helpers for the API tests: customers registered over HTTP and projected
 * into the graph by delivering their CustomerRegistered events to the projection, as the
 * outbox relay does (the relay runs too; the projection is idempotent, and delivering
 * here means no test waits for it); friendship requests; outbox checks in SQL.
 */
abstract class SocialTestSupport extends ApiTestSupport {

	@Autowired
	PersonProjection projection;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Customers customers;

	@Autowired
	PasswordHasher hasher;

	@Autowired
	Transactions transactions;

	/** A registered, logged-in customer. */
	record Member(String id, String username, String token) {
	}

	/** Registered in PostgreSQL and logged in, but not in the graph yet. */
	Member registered(String prefix) {
		String username = unique(prefix);
		String id = register(username, PASSWORD);
		return new Member(id, username, login(username, PASSWORD));
	}

	/**
	 * Registered in PostgreSQL through the customers port with no CustomerRegistered
	 * event, so the relay never projects it: a customer whose node has not arrived yet,
	 * for as long as the test needs.
	 */
	Member registeredWithoutEvent(String prefix) {
		String username = unique(prefix);
		Customer customer = new Customer(CustomerId.random(), new Username(username), new Email(emailOf(username)),
				this.hasher.hash(new Password(PASSWORD)), Set.of(Role.CUSTOMER), Instant.now());
		this.transactions.run(() -> this.customers.register(customer, "EUR"));
		return new Member(customer.id().toString(), username, login(username, PASSWORD));
	}

	/** Registered, logged in and projected into the graph. */
	Member member(String prefix) {
		Member member = registered(prefix);
		project(member);
		return member;
	}

	/** Delivers the member's registration event the way the relay would. */
	void project(Member member) {
		CustomerId id = CustomerId.parse(member.id());
		this.projection.deliver(List.of(DomainEvent.of(EventStream.customer(id.value()), "CustomerRegistered",
				Instant.now(), id, Map.of("customerId", member.id(), "username", member.username()))));
	}

	RestTestClient.ResponseSpec befriend(Member caller, String friendId) {
		return this.http.put()
			.uri("/api/v1/friends/{id}", friendId)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + caller.token())
			.exchange();
	}

	RestTestClient.ResponseSpec unfriend(Member caller, String friendId) {
		return this.http.delete()
			.uri("/api/v1/friends/{id}", friendId)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + caller.token())
			.exchange();
	}

	void friends(Member one, Member other) {
		befriend(one, other.id()).expectStatus().isNoContent();
	}

	@SuppressWarnings("unchecked")
	Map<String, Object> okBody(RestTestClient.ResponseSpec response) {
		Map<String, Object> body = response.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).isNotNull();
		return body;
	}

	@SuppressWarnings("unchecked")
	List<Map<String, Object>> items(Map<String, Object> body) {
		return (List<Map<String, Object>>) body.get("items");
	}

	/** The caller's friends' ids, all pages. */
	List<Object> friendIds(Member member) {
		return items(okBody(get("/api/v1/friends?limit=100", member.token()))).stream()
			.map((item) -> item.get("id"))
			.toList();
	}

	/** The events of this type on the member's stream in the outbox. */
	List<Map<String, Object>> outboxEvents(Member member, String type) {
		return this.jdbc.queryForList(
				"SELECT owner_id::text AS owner, payload->>'customerId' AS customer_id, "
						+ "payload->>'friendId' AS friend_id FROM outbox WHERE stream = ? AND type = ?",
				"customer:" + member.id(), type);
	}

}
