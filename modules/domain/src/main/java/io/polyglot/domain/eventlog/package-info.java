/**
 * Event log: domain events, the streams they belong to, the outbox they are written to in
 * the same transaction as the change, and the append-only log they are relayed to.
 */
@NullMarked
package io.polyglot.domain.eventlog;

import org.jspecify.annotations.NullMarked;
