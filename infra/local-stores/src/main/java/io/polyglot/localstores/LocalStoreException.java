package io.polyglot.localstores;

import java.util.List;

/**
 * A store that would not start or stop: says which, why, and the last lines of its log.
 */
public class LocalStoreException extends RuntimeException {

	public LocalStoreException(String store, String reason, List<String> logTail, Throwable cause) {
		super(message(store, reason, logTail), cause);
	}

	public LocalStoreException(String store, String reason, List<String> logTail) {
		super(message(store, reason, logTail));
	}

	private static String message(String store, String reason, List<String> logTail) {
		StringBuilder message = new StringBuilder(store).append(" did not start: ").append(reason);
		if (!logTail.isEmpty()) {
			message.append(System.lineSeparator()).append("Last lines of the ").append(store).append(" log:");
			logTail.forEach((line) -> message.append(System.lineSeparator()).append("  ").append(line));
		}
		return message.toString();
	}

}
