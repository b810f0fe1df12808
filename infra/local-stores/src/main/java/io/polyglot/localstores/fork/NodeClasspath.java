package io.polyglot.localstores.fork;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The classpath of a forked store JVM. Each node module ({@code infra/cassandra-node},
 * {@code infra/neo4j-node}) writes its resolved dependency classpath at build time into
 * {@code META-INF/polyglot/<node>.classpath}; this class reads it and adds the node's own
 * classes and this module's watchdog, so no jar is copied and no store class ever loads
 * in the parent JVM.
 */
public final class NodeClasspath {

	private NodeClasspath() {
	}

	/**
	 * Classpath entries for the named node, e.g. {@code cassandra-node}.
	 * @throws IllegalStateException when the node module is not on the classpath or a
	 * listed jar is missing (typically: the build that wrote the list ran on another
	 * machine)
	 */
	public static List<Path> of(String node) {
		String resource = "META-INF/polyglot/" + node + ".classpath";
		URL url = NodeClasspath.class.getClassLoader().getResource(resource);
		if (url == null) {
			throw new IllegalStateException("polyglot-" + node + " is not on the classpath (" + resource
					+ " not found); build it with ./mvnw install -pl infra/" + node);
		}
		List<Path> entries = new ArrayList<>();
		entries.add(codeLocation(ParentWatchdog.class));
		entries.add(rootOf(url, resource));
		for (String entry : read(url).split(File.pathSeparator)) {
			if (!entry.isBlank()) {
				Path jar = Path.of(entry.trim());
				if (!Files.exists(jar)) {
					throw new IllegalStateException(
							node + " classpath entry " + jar + " is missing; rebuild the node module on this machine");
				}
				entries.add(jar);
			}
		}
		return entries;
	}

	/** Joins entries with the platform's path separator. */
	public static String join(List<Path> entries) {
		return String.join(File.pathSeparator, entries.stream().map(Path::toString).toList());
	}

	private static String read(URL url) {
		try (InputStream in = url.openStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + url, ex);
		}
	}

	private static Path rootOf(URL url, String resource) {
		try {
			if ("jar".equals(url.getProtocol())) {
				JarURLConnection connection = (JarURLConnection) url.openConnection();
				return Path.of(connection.getJarFileURL().toURI());
			}
			Path file = Path.of(url.toURI());
			Path root = file;
			for (int i = 0; i < resource.split("/").length; i++) {
				root = root.getParent();
			}
			return root;
		}
		catch (IOException | URISyntaxException ex) {
			throw new IllegalStateException("cannot locate the node module of " + url, ex);
		}
	}

	private static Path codeLocation(Class<?> type) {
		try {
			return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException("cannot locate the classes of " + type.getName(), ex);
		}
	}

}
