package io.polyglot.domain.eventlog;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.polyglot.domain.shared.CustomerId;

/**
 * Port answering who may read a stream, without scanning its events: every stream the log
 * holds is listed with its owner (a customer, or none for streams only administrators may
 * read at all).
 */
public interface StreamOwners {

	/** The stream's owner entry; empty when the log holds no event of this stream. */
	Optional<Owner> ownerOf(EventStream stream);

	/**
	 * The owner of a known stream; {@code customer} is null for streams only
	 * administrators read.
	 */
	record Owner(@Nullable CustomerId customer) {

	}

}
