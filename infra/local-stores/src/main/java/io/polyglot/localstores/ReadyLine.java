package io.polyglot.localstores;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

/**
 * The ready line a forked store node prints to its log once it accepts clients; only what
 * was written after a given offset counts, since logs are appended to across restarts.
 */
final class ReadyLine {

	private ReadyLine() {
	}

	/**
	 * The text after {@code prefix} on the first such line past {@code from}, or null.
	 */
	static @Nullable String find(Path log, long from, String prefix) throws IOException {
		if (!Files.isRegularFile(log)) {
			return null;
		}
		try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
			long length = file.length();
			if (length <= from) {
				return null;
			}
			byte[] bytes = new byte[(int) Math.min(length - from, Integer.MAX_VALUE)];
			file.seek(from);
			file.readFully(bytes);
			for (String line : new String(bytes, StandardCharsets.UTF_8).split("\\R")) {
				if (line.startsWith(prefix)) {
					return line.substring(prefix.length()).trim();
				}
			}
			return null;
		}
	}

	/** The current length of the log, where a new start's output begins. */
	static long end(Path log) throws IOException {
		return Files.isRegularFile(log) ? Files.size(log) : 0;
	}

}
