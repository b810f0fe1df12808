package io.polyglot.adapter.neo4j;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.PageRequest;
import io.polyglot.domain.shared.StoreUnavailableException;
import io.polyglot.domain.social.PathDepth;
import io.polyglot.domain.social.Person;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * With Neo4j unreachable, every graph operation and the schema setup fail as the domain's
 * store-unavailable error (503), not as a bare driver exception.
 */
class Neo4jUnavailableIT {

	private Driver driver;

	@BeforeEach
	void connectToAClosedPort() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		this.driver = GraphDatabase.driver("bolt://127.0.0.1:" + port, AuthTokens.none(),
				Config.builder()
					.withConnectionTimeout(1, TimeUnit.SECONDS)
					.withMaxTransactionRetryTime(200, TimeUnit.MILLISECONDS)
					.build());
	}

	@AfterEach
	void close() {
		this.driver.close();
	}

	@Test
	void everyOperationReportsNeo4jUnavailable() {
		Neo4jSchema schema = new Neo4jSchema(this.driver);
		Neo4jSocialGraph graph = new Neo4jSocialGraph(this.driver, schema, Duration.ofSeconds(5));
		CustomerId ada = CustomerId.random();
		CustomerId bob = CustomerId.random();

		List<Runnable> operations = List.of(() -> graph.recordPeople(List.of(new Person(ada, "ada"))),
				() -> graph.person(ada), () -> graph.addFriendship(ada, bob), () -> graph.removeFriendship(ada, bob),
				() -> graph.friends(ada, PageRequest.first()), () -> graph.friendIds(ada),
				() -> graph.suggestions(ada, 10), () -> graph.shortestPath(ada, bob, new PathDepth(6)), schema::ensure);
		for (Runnable operation : operations) {
			assertThatExceptionOfType(StoreUnavailableException.class).isThrownBy(operation::run)
				.satisfies((ex) -> assertThat(ex.store()).isEqualTo("neo4j"));
		}
	}

}
