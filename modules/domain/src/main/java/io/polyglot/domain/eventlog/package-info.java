/**
 * Event log: domain events, the streams they belong to, and the append-only log the
 * outbox relays them to, with its read use cases.
 */
@NullMarked
package io.polyglot.domain.eventlog;

import org.jspecify.annotations.NullMarked;
