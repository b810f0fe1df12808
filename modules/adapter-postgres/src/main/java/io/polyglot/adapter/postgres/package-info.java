/**
 * PostgreSQL adapter: the system of record for customers, accounts, ledger, orders,
 * outbox and idempotency keys.
 */
@NullMarked
package io.polyglot.adapter.postgres;

import org.jspecify.annotations.NullMarked;
