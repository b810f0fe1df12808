/**
 * Orders across two stores: the order and its money live in PostgreSQL, the stock it
 * holds in the catalog (MongoDB). No distributed transaction: reservations are per-order
 * holds that can be released idempotently, and what must reach the catalog after a commit
 * goes through the outbox.
 */
@NullMarked
package io.polyglot.domain.order;

import org.jspecify.annotations.NullMarked;
