package io.polyglot.localstores;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * All five stores as the service uses them: started together, each listening and naming
 * its implementation, then stopped with no process and no port left behind.
 */
class LocalStoresIT {

	@TempDir
	Path root;

	@Test
	void startsAllFiveAndStopLeavesNoProcessBehind() {
		LocalStores stores = LocalStores.forTests(this.root, Set.copyOf(LocalStores.ALL));
		List<Long> pids = new ArrayList<>();
		try {
			stores.start();
			assertThat(stores.stores().keySet()).containsExactlyElementsOf(LocalStores.ALL);
			Map<String, String> implementations = Map.of("postgres", "PostgreSQL 17.", "mongodb",
					"mongo-java-server 1.47", "redis", "Redis ", "cassandra", "Apache Cassandra 5.0.", "neo4j",
					"Neo4j 5.26.");
			for (LocalStore store : stores.stores().values()) {
				assertThat(store.isRunning()).as(store.name() + " running").isTrue();
				assertThat(Ports.isListening(store.host(), store.port())).as(store.name() + " listening").isTrue();
				assertThat(store.implementation()).as(store.name()).startsWith(implementations.get(store.name()));
				store.pid().ifPresent(pids::add);
			}
			assertThat(pids).as("every store runs as a process of its own").hasSize(5);
			assertThat(stores.describe()).contains("postgres", "mongodb", "redis", "cassandra", "neo4j");
		}
		finally {
			stores.stop();
		}
		for (LocalStore store : stores.stores().values()) {
			assertThat(store.isRunning()).as(store.name() + " running after stop").isFalse();
			assertThat(Ports.isListening(store.host(), store.port())).as(store.name() + " port after stop").isFalse();
		}
		for (long pid : pids) {
			assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as("process " + pid + " after stop")
				.isEmpty();
		}
		assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).map(ProcessHandle::info))
			.as("child processes of this JVM after stop")
			.isEmpty();
	}

}
