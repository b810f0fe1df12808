package io.polyglot.domain.order;

import org.jspecify.annotations.Nullable;

/** One line as the client asked for it, not yet validated. */
public record LineRequest(@Nullable String productId, @Nullable Integer quantity) {

}
