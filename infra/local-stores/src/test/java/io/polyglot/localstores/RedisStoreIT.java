package io.polyglot.localstores;

import java.nio.file.Path;
import java.time.Duration;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.polyglot.localstores.support.OrphanCheck;
import io.polyglot.localstores.support.RedisOnFreePort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redis: Lettuce round trip with a TTL, append-only data across a restart, no orphans.
 */
class RedisStoreIT {

	@TempDir
	Path data;

	@Test
	void roundTripSurvivesRestartAndStopLeavesNoProcess() {
		StoreOptions options = new StoreOptions(this.data, Ports.free(), Duration.ofSeconds(30), true);
		RedisStore store = new RedisStore(options);
		store.start();
		long pid = store.pid().orElseThrow();
		assertThat(store.implementation()).startsWith("Redis ");
		RedisClient client = RedisClient.create("redis://" + store.host() + ":" + store.port());
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			connection.sync().set("greeting", "hello");
			connection.sync().setex("expiring", 600, "soon");
			assertThat(connection.sync().get("greeting")).isEqualTo("hello");
			assertThat(connection.sync().ttl("expiring")).isBetween(1L, 600L);
		}
		store.stop();
		assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as("redis after stop").isEmpty();
		assertThat(Ports.isListening(store.host(), store.port())).isFalse();

		RedisStore restarted = new RedisStore(options);
		restarted.start();
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			assertThat(connection.sync().get("greeting")).isEqualTo("hello");
		}
		finally {
			client.shutdown();
			restarted.stop();
		}
	}

	@Test
	void redisDiesWithItsKilledParent() throws Exception {
		OrphanCheck.assertStoreDiesWithKilledParent(RedisOnFreePort.class, 60, 30);
	}

}
