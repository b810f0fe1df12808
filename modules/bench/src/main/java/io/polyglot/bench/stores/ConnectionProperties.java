package io.polyglot.bench.stores;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Connection settings under the service's own Spring Boot names
 * ({@code spring.datasource.url}, {@code spring.mongodb.uri}, ...), looked up the way
 * Spring Boot does: command-line {@code --name=value} first, then JVM system properties,
 * then environment variables in their relaxed form ({@code SPRING_DATASOURCE_URL}).
 */
public final class ConnectionProperties {

	/** Per store, the names whose presence means "use the running store". */
	static final Map<String, List<String>> KEYS = Map.of("postgres", List.of("spring.datasource.url"), "mongodb",
			List.of("spring.mongodb.uri", "spring.data.mongodb.uri"), "redis",
			List.of("spring.data.redis.host", "spring.data.redis.url"), "cassandra",
			List.of("spring.cassandra.contact-points"), "neo4j", List.of("spring.neo4j.uri"));

	private final Map<String, String> commandLine;

	private final Map<String, String> environment;

	public ConnectionProperties(Map<String, String> commandLine, Map<String, String> environment) {
		this.commandLine = new LinkedHashMap<>(commandLine);
		this.environment = environment;
	}

	/** Parses {@code --name=value} arguments (the ones picocli did not match). */
	public static ConnectionProperties fromArguments(List<String> arguments) {
		Map<String, String> values = new LinkedHashMap<>();
		for (String argument : arguments) {
			if (!argument.startsWith("--") || argument.indexOf('=') < 0) {
				throw new IllegalArgumentException(
						"unknown argument '" + argument + "' (connection settings are --spring.name=value)");
			}
			int equals = argument.indexOf('=');
			values.put(argument.substring(2, equals), argument.substring(equals + 1));
		}
		return new ConnectionProperties(values, System.getenv());
	}

	public Optional<String> get(String name) {
		String value = this.commandLine.get(name);
		if (value == null) {
			value = System.getProperty(name);
		}
		if (value == null) {
			value = this.environment.get(name.toUpperCase(Locale.ROOT).replace('.', '_').replace("-", ""));
		}
		return Optional.ofNullable(value).filter((text) -> !text.isBlank());
	}

	public String get(String name, String fallback) {
		return get(name).orElse(fallback);
	}

	/** Whether the user pointed the bench at a running instance of this store. */
	public boolean configures(String store) {
		return KEYS.get(store).stream().anyMatch((key) -> get(key).isPresent());
	}

	/** These properties with the given ones added underneath (the user's win). */
	public ConnectionProperties withDefaults(Map<String, Object> defaults) {
		Map<String, String> merged = new LinkedHashMap<>();
		defaults.forEach((name, value) -> merged.put(name, String.valueOf(value)));
		merged.putAll(this.commandLine);
		return new ConnectionProperties(merged, this.environment);
	}

}
