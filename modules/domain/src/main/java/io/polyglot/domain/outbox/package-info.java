/**
 * Outbox: the events a change writes in its own transaction, the queue the relay claims
 * them from, and the delivery of each batch to the event log and the projections.
 */
@NullMarked
package io.polyglot.domain.outbox;

import org.jspecify.annotations.NullMarked;
