package io.polyglot.adapter.cassandra;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.polyglot.domain.shared.CustomerId;
import org.jspecify.annotations.Nullable;

/**
 * The streams whose owner row this instance has written, most recent ones only, so a busy
 * stream costs one owner write per process instead of one per delivery. Losing an entry
 * only means writing the same row again.
 */
final class OwnersWritten {

	private final Map<String, Optional<CustomerId>> written;

	OwnersWritten(int capacity) {
		this.written = new LinkedHashMap<>(1024, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Optional<CustomerId>> eldest) {
				return size() > capacity;
			}

		};
	}

	/**
	 * Whether writing this owner would change nothing: the stream's row was written, and
	 * either with this owner or the event names none.
	 */
	synchronized boolean has(String stream, @Nullable CustomerId owner) {
		Optional<CustomerId> known = this.written.get(stream);
		return known != null && (owner == null || Objects.equals(known.orElse(null), owner));
	}

	/** Records rows written by a delivery that succeeded. */
	synchronized void remember(Map<String, @Nullable CustomerId> owners) {
		owners.forEach((stream, owner) -> {
			Optional<CustomerId> known = this.written.get(stream);
			// a row written without owner keeps an owner written earlier
			this.written.put(stream, (owner == null && known != null) ? known : Optional.ofNullable(owner));
		});
	}

}
