package io.polyglot.domain.eventlog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Every context's {@link EventCodec}, found once through {@link ServiceLoader} (each
 * context lists its codecs in {@code META-INF/services}): the contexts depend on the
 * event log, never the other way round.
 */
public final class EventCodecs {

	private static final List<EventCodec<?>> CODECS = load();

	private static final Map<String, EventCodec<?>> BY_TYPE = byType(CODECS);

	private EventCodecs() {
	}

	/** Every stored type name (the API contract's list). */
	public static Set<String> types() {
		return BY_TYPE.keySet();
	}

	/** Whether events of this stored type exist. */
	public static boolean isKnownType(@Nullable String type) {
		return type != null && BY_TYPE.containsKey(type);
	}

	/** The codec of a stored type; empty for a type no context writes. */
	public static Optional<EventCodec<?>> forType(String type) {
		return Optional.ofNullable(BY_TYPE.get(type));
	}

	/** The codec of the event's context; empty for an event no codec writes. */
	@SuppressWarnings("unchecked")
	public static <E extends Event> Optional<EventCodec<? super E>> forEvent(E event) {
		for (EventCodec<?> codec : CODECS) {
			if (codec.kind().isInstance(event)) {
				return Optional.of((EventCodec<? super E>) codec);
			}
		}
		return Optional.empty();
	}

	private static List<EventCodec<?>> load() {
		List<EventCodec<?>> codecs = new ArrayList<>();
		// the interface's own loader, not the thread's: relay and pool threads of a
		// packaged application may carry another context class loader
		ServiceLoader.load(EventCodec.class, EventCodec.class.getClassLoader()).forEach(codecs::add);
		if (codecs.isEmpty()) {
			throw new IllegalStateException("no EventCodec found on the class path (META-INF/services)");
		}
		return List.copyOf(codecs);
	}

	private static Map<String, EventCodec<?>> byType(List<EventCodec<?>> codecs) {
		Map<String, EventCodec<?>> byType = new HashMap<>();
		for (EventCodec<?> codec : codecs) {
			for (String type : codec.types()) {
				if (byType.putIfAbsent(type, codec) != null) {
					throw new IllegalStateException("two codecs write the event type " + type);
				}
			}
		}
		return Map.copyOf(byType);
	}

}
