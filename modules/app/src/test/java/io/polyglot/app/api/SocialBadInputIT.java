package io.polyglot.app.api;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile and broken input to the social endpoints: Cypher in ids, malformed numbers,
 * tampered cursors. Every one is a 400 problem+json naming the field, the same on a
 * second try, and the graph is unchanged afterwards.
 */
class SocialBadInputIT extends SocialTestSupport {

	static final List<String> HOSTILE_IDS = List.of("x' OR 1=1 //", "}) MATCH (n) DETACH DELETE n //",
			"x\" OR true RETURN 1 //", "not-a-uuid", "42", "3f2b6c1e-8a4d-4e7f-9b0a-1c2d3e4f5a6b' OR '1'='1",
			"3f2b6c1e8a4d4e7f9b0a1c2d3e4f5a6b", "{\"$gt\":\"\"}", "a".repeat(5000));

	/** Used only to prove the graph is unchanged, never by the code under test. */
	@Autowired
	Driver driver;

	private Member ada;

	private Member bob;

	@BeforeEach
	void twoFriends() {
		this.ada = member("ada");
		this.bob = member("bob");
		friends(this.ada, this.bob);
	}

	@Test
	void hostileFriendIdsAreRefusedAndChangeNothing() {
		long nodes = graphSize();
		for (String hostile : HOSTILE_IDS) {
			for (int attempt = 0; attempt < 2; attempt++) {
				assertIdRefused(problem(befriend(this.ada, hostile), 400), "customerId", hostile, true);
				assertIdRefused(problem(unfriend(this.ada, hostile), 400), "customerId", hostile, true);
			}
		}
		assertUnchanged(nodes);
	}

	@Test
	void hostilePathIdsAreRefusedAndChangeNothing() {
		long nodes = graphSize();
		for (String hostile : HOSTILE_IDS) {
			assertIdRefused(problem(path(hostile, this.bob.id(), null), 400), "id", hostile, true);
			assertIdRefused(problem(path(this.ada.id(), hostile, null), 400), "to", hostile, false);
		}
		assertNamed(problem(path(this.ada.id(), null, null), 400), "to");
		assertUnchanged(nodes);
	}

	@Test
	void maxDepthMustBeAnIntegerFromOneToSix() {
		long nodes = graphSize();
		for (String depth : List.of("0", "7", "-1", "99999999999999999999", "2147483648", "six", "1.5", "1e1", "6 ",
				"1..6", "1]-(m) DETACH DELETE m //", "1,2")) {
			for (int attempt = 0; attempt < 2; attempt++) {
				assertNamed(problem(path(this.ada.id(), this.bob.id(), depth), 400), "maxDepth");
			}
		}
		assertThat(okBody(get(uri(this.ada.id(), this.bob.id(), "1"), this.ada.token())).get("hops")).isEqualTo(1);
		assertThat(okBody(get(uri(this.ada.id(), this.bob.id(), "6"), this.ada.token())).get("hops")).isEqualTo(1);
		assertUnchanged(nodes);
	}

	@Test
	void limitsMustBeFromOneToAHundred() {
		for (String limit : List.of("0", "101", "-1", "99999999999999999999", "ten", "1.5", "10;DROP")) {
			assertNamed(problem(get(withQuery("/api/v1/friends", "limit", limit), this.ada.token()), 400), "limit");
			assertNamed(problem(get(withQuery("/api/v1/friends/suggestions", "limit", limit), this.ada.token()), 400),
					"limit");
		}
		assertThat(items(okBody(get("/api/v1/friends?limit=100", this.ada.token())))).hasSize(1);
		okBody(get("/api/v1/friends/suggestions?limit=100", this.ada.token()));
	}

	@Test
	void tamperedCursorsAreRefused() {
		for (String cursor : List.of("not a cursor!", "eCcgT1IgMT0xIC8v", "%00", "a".repeat(600))) {
			assertNamed(problem(get(withQuery("/api/v1/friends", "cursor", cursor), this.ada.token()), 400), "cursor");
		}
	}

	private long graphSize() {
		return this.driver
			.executableQuery("MATCH (n) OPTIONAL MATCH (n)-[r]-() RETURN count(DISTINCT n) * 1000000 + "
					+ "count(DISTINCT r) AS size")
			.execute()
			.records()
			.get(0)
			.get("size")
			.asLong();
	}

	private void assertUnchanged(long nodes) {
		assertThat(graphSize()).isEqualTo(nodes);
		assertThat(friendIds(this.ada)).containsExactly(this.bob.id());
		assertThat(outboxEvents(this.ada, "FriendshipAdded")).hasSize(1);
		assertThat(outboxEvents(this.ada, "FriendshipRemoved")).isEmpty();
	}

	private RestTestClient.ResponseSpec path(String from, String to, String maxDepth) {
		return this.http.get()
			.uri(uri(from, to, maxDepth))
			.header("Authorization", "Bearer " + this.ada.token())
			.exchange();
	}

	/** Every part encoded, so the hostile text reaches the service exactly as written. */
	private static URI uri(String from, String to, String maxDepth) {
		UriComponentsBuilder builder = UriComponentsBuilder.fromPath("/api/v1/customers/{id}/path");
		if (to != null) {
			builder.queryParam("to", "{to}");
		}
		if (maxDepth != null) {
			builder.queryParam("maxDepth", "{maxDepth}");
		}
		Map<String, String> values = new HashMap<>();
		values.put("id", from);
		values.put("to", String.valueOf(to));
		values.put("maxDepth", String.valueOf(maxDepth));
		return builder.encode().buildAndExpand(values).toUri();
	}

	private static URI withQuery(String path, String name, String value) {
		return UriComponentsBuilder.fromPath(path).queryParam(name, "{v}").encode().buildAndExpand(value).toUri();
	}

	private RestTestClient.ResponseSpec get(URI uri, String token) {
		return this.http.get().uri(uri).header("Authorization", "Bearer " + token).exchange();
	}

	/**
	 * A 400 naming the field; a path segment holding an encoded slash is refused before
	 * any controller (by the security firewall: it is never decoded into a path), so that
	 * problem has no field to name.
	 */
	private static void assertIdRefused(Map<String, Object> problem, String field, String id, boolean inPath) {
		if (inPath && id.contains("/")) {
			assertThat(problem).doesNotContainKey("errors");
			return;
		}
		assertNamed(problem, field);
	}

	@SuppressWarnings("unchecked")
	private static void assertNamed(Map<String, Object> problem, String field) {
		assertThat((List<Map<String, Object>>) problem.get("errors")).as("problem %s", problem)
			.extracting((error) -> error.get("field"))
			.contains(field);
	}

}
