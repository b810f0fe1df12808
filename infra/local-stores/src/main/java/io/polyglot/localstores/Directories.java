package io.polyglot.localstores;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * Deleting a store's directory tree: data of test stores, storage of a fresh Cassandra.
 */
final class Directories {

	private Directories() {
	}

	/** Deletes the tree, deepest entries first; does nothing when it does not exist. */
	static void deleteRecursively(@Nullable Path directory) throws IOException {
		if (directory == null || !Files.exists(directory)) {
			return;
		}
		List<Path> paths;
		try (Stream<Path> walk = Files.walk(directory)) {
			paths = walk.sorted(Comparator.reverseOrder()).toList();
		}
		for (Path path : paths) {
			Files.deleteIfExists(path);
		}
	}

}
