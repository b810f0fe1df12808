package io.polyglot.adapter.postgres.testapp;

import io.polyglot.localstores.SharedTestStores;
import io.polyglot.localstores.SpringConnectionProperties;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A Boot application outside the adapter's package, like the real app: the adapter must
 * find its own entities and repositories without relying on the application's package.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class PostgresTestApplication {

	/**
	 * Points the datasource at the test JVM's shared local PostgreSQL, starting it on
	 * first use.
	 */
	public static void postgres(DynamicPropertyRegistry registry) {
		SpringConnectionProperties.of(SharedTestStores.get("postgres"))
			.forEach((name, value) -> registry.add(name, () -> value));
	}

}
