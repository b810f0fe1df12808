package io.polyglot.adapter.cassandra;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keys of rows this instance wrote recently (the most recent ones only), so a busy stream
 * day costs one index write per process instead of one per delivery. Losing an entry only
 * means writing the same idempotent row again.
 */
final class RecentlyWritten {

	private final Map<String, Boolean> written;

	RecentlyWritten(int capacity) {
		this.written = new LinkedHashMap<>(1024, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
				return size() > capacity;
			}

		};
	}

	synchronized boolean has(String key) {
		return this.written.containsKey(key);
	}

	/** Records rows written by a delivery that succeeded. */
	synchronized void remember(Collection<String> keys) {
		keys.forEach((key) -> this.written.put(key, Boolean.TRUE));
	}

}
