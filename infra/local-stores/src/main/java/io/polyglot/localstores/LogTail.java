package io.polyglot.localstores;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Reads the last lines of a store's log file for error messages. */
public final class LogTail {

	private static final int MAX_BYTES = 64 * 1024;

	private LogTail() {
	}

	/**
	 * The last {@code lines} lines of the file, or an empty list when it cannot be read.
	 */
	public static List<String> of(Path file, int lines) {
		if (!Files.isRegularFile(file)) {
			return List.of();
		}
		try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
			long length = raf.length();
			long start = Math.max(0, length - MAX_BYTES);
			byte[] bytes = new byte[(int) (length - start)];
			raf.seek(start);
			raf.readFully(bytes);
			String[] all = new String(bytes, StandardCharsets.UTF_8).split("\\R");
			return Arrays.asList(all).subList(Math.max(0, all.length - lines), all.length);
		}
		catch (IOException ex) {
			return List.of();
		}
	}

}
