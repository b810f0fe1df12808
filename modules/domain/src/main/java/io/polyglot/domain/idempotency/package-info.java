/**
 * Idempotency keys: a retried request with the same key gets the first response instead
 * of a second effect. Used by deposits, transfers and orders.
 */
@NullMarked
package io.polyglot.domain.idempotency;

import org.jspecify.annotations.NullMarked;
