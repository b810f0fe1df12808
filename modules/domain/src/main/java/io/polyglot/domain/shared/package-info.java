/**
 * Shared kernel: money, typed ids, paging, the clock, domain exceptions and the
 * transaction port used by every bounded context.
 */
@NullMarked
package io.polyglot.domain.shared;

import org.jspecify.annotations.NullMarked;
