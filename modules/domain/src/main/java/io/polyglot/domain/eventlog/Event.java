package io.polyglot.domain.eventlog;

import org.jspecify.annotations.Nullable;

import io.polyglot.domain.shared.CustomerId;

/**
 * Something that happened in one context, as a typed record. Each context declares its
 * events under a sealed interface ({@code CustomerEvent}, {@code AccountEvent},
 * {@code SessionEvent}, {@code OrderEvent}, {@code CatalogEvent}, {@code SocialEvent});
 * the context's {@link EventCodec} turns them into their stored form
 * ({@link DomainEvent}) and back, so no other code knows the stored type names or the
 * payload keys.
 */
public interface Event {

	/** The stream the event is recorded on. */
	EventStream stream();

	/**
	 * The customer who may read the event in their activity; null for admin-only streams.
	 */
	@Nullable CustomerId owner();

}
