package io.polyglot.localstores;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Finds a JDK that can run the forked Cassandra node.
 *
 * <p>
 * Cassandra 5.0 runs on JDK 11 and 17 only: on 21 and later it dies at once ("Setting a
 * system-wide Policy object is not supported"). Of those two only 17 works here, because
 * the fork starts through {@link io.polyglot.localstores.fork.ParentWatchdog}, which is
 * compiled for Java 17 (class file 61) like the rest of this module.
 */
final class JavaHomes {

	/** The JDK feature version the Cassandra node runs on. */
	static final int CASSANDRA_FEATURE = 17;

	/** Environment variable that names the JDK for Cassandra explicitly. */
	static final String CASSANDRA_JAVA_HOME = "CASSANDRA_JAVA_HOME";

	private JavaHomes() {
	}

	/**
	 * The JDK to run Cassandra with: this JVM when it fits, else
	 * {@code CASSANDRA_JAVA_HOME}, else the first JDK 17 found in the usual install
	 * locations.
	 * @throws LocalStoreException saying how to get a JDK 17 when there is none
	 */
	static Path forCassandra() {
		return select(Runtime.version().feature(), Path.of(System.getProperty("java.home")), System.getenv(),
				Path.of(System.getProperty("user.home")), Path.of("/"));
	}

	/**
	 * {@link #forCassandra()} with its inputs passed in: {@code root} is the file system
	 * root the system-wide locations are resolved against ({@code /} but in tests).
	 */
	static Path select(int runningFeature, Path runningHome, Map<String, String> env, Path userHome, Path root) {
		if (runningFeature == CASSANDRA_FEATURE) {
			return runningHome;
		}
		String explicit = env.get(CASSANDRA_JAVA_HOME);
		if (explicit != null && !explicit.isBlank()) {
			// an explicit choice that does not fit is an error to report, not bypass
			Path home = Path.of(explicit.trim());
			OptionalInt feature = featureOf(home);
			if (feature.isPresent() && feature.getAsInt() == CASSANDRA_FEATURE) {
				return home;
			}
			throw new LocalStoreException("cassandra", CASSANDRA_JAVA_HOME + "=" + explicit + " is " + describe(feature)
					+ ", but Cassandra 5.0 needs a JDK " + CASSANDRA_FEATURE, List.of());
		}
		List<Path> candidates = candidates(env, userHome, root);
		return candidates.stream()
			.filter((home) -> featureOf(home).orElse(0) == CASSANDRA_FEATURE)
			.findFirst()
			.orElseThrow(() -> noJdk(runningFeature, candidates));
	}

	private static LocalStoreException noJdk(int runningFeature, List<Path> candidates) {
		return new LocalStoreException("cassandra",
				"Cassandra 5.0 needs a JDK " + CASSANDRA_FEATURE + " (it fails on 21 and later); this JVM is "
						+ runningFeature + " and no JDK " + CASSANDRA_FEATURE + " was found among "
						+ (candidates.isEmpty() ? "the usual install locations" : candidates)
						+ ". Install one (e.g. `apt-get install openjdk-17-jdk-headless`), set " + CASSANDRA_JAVA_HOME
						+ " to its home, or run the stores with `docker compose up -d` and the compose profile",
				List.of());
	}

	private static String describe(OptionalInt feature) {
		return feature.isPresent() ? "a JDK " + feature.getAsInt() : "not a JDK (no readable release file)";
	}

	/**
	 * Directories that may be JDK homes, in search order, without duplicates (the
	 * distributions link one JDK under several names).
	 */
	static List<Path> candidates(Map<String, String> env, Path userHome, Path root) {
		Set<Path> homes = new LinkedHashSet<>();
		childrenOf(root.resolve("usr/lib/jvm"), homes, null);
		childrenOf(root.resolve("usr/java"), homes, null);
		childrenOf(root.resolve("opt/java"), homes, null);
		childrenOf(root.resolve("Library/Java/JavaVirtualMachines"), homes, "Contents/Home");
		childrenOf(userHome.resolve(".sdkman/candidates/java"), homes, null);
		childrenOf(userHome.resolve(".jdks"), homes, null);
		String javaHome = env.get("JAVA_HOME");
		if (javaHome != null && !javaHome.isBlank()) {
			addIfJdk(Path.of(javaHome.trim()), homes);
		}
		return new ArrayList<>(homes);
	}

	private static void childrenOf(Path parent, Set<Path> homes, @Nullable String suffix) {
		if (!Files.isDirectory(parent)) {
			return;
		}
		List<Path> children = new ArrayList<>();
		try (DirectoryStream<Path> stream = Files.newDirectoryStream(parent)) {
			stream.forEach(children::add);
		}
		catch (IOException ex) {
			// an unreadable location simply holds no candidate
			return;
		}
		// directory order is arbitrary: sort so the same machine always picks the
		// same JDK
		children.sort(Comparator.comparing(Path::toString));
		for (Path child : children) {
			addIfJdk((suffix != null) ? child.resolve(suffix) : child, homes);
		}
	}

	private static void addIfJdk(Path home, Set<Path> homes) {
		if (Files.isRegularFile(home.resolve("release")) && Files.isRegularFile(home.resolve("bin/java"))) {
			homes.add(realPath(home));
		}
	}

	private static Path realPath(Path home) {
		try {
			return home.toRealPath();
		}
		catch (IOException ex) {
			return home.toAbsolutePath().normalize();
		}
	}

	/**
	 * The feature version in a JDK's {@code release} file, read instead of running
	 * {@code java -version} so that searching costs no process.
	 */
	static OptionalInt featureOf(Path home) {
		Path release = home.resolve("release");
		if (!Files.isRegularFile(release)) {
			return OptionalInt.empty();
		}
		try {
			return releaseVersion(Files.readAllLines(release, StandardCharsets.UTF_8)).map(JavaHomes::featureVersion)
				.orElse(OptionalInt.empty());
		}
		catch (IOException | RuntimeException ex) {
			return OptionalInt.empty();
		}
	}

	/** The {@code JAVA_VERSION} value of a {@code release} file's lines, unquoted. */
	static Optional<String> releaseVersion(List<String> releaseLines) {
		for (String line : releaseLines) {
			String trimmed = line.trim();
			if (trimmed.startsWith("JAVA_VERSION=")) {
				String value = trimmed.substring("JAVA_VERSION=".length()).trim();
				if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
					value = value.substring(1, value.length() - 1);
				}
				return Optional.of(value);
			}
		}
		return Optional.empty();
	}

	/**
	 * The feature version of a Java version string: {@code 17.0.15} and {@code 17} give
	 * 17, the old scheme {@code 1.8.0_392} gives 8, {@code 21-ea} gives 21.
	 */
	static OptionalInt featureVersion(String version) {
		String[] parts = version.trim().split("[.\\-+_]");
		int first = leadingNumber(parts[0]);
		if (first == 1 && parts.length > 1) {
			int second = leadingNumber(parts[1]);
			return (second > 0) ? OptionalInt.of(second) : OptionalInt.empty();
		}
		return (first > 0) ? OptionalInt.of(first) : OptionalInt.empty();
	}

	private static int leadingNumber(String part) {
		int end = 0;
		while (end < part.length() && end < 4 && Character.isDigit(part.charAt(end))) {
			end++;
		}
		return (end == 0) ? -1 : Integer.parseInt(part.substring(0, end));
	}

}
