package io.polyglot.domain.shared;

import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/** One page of a list and the cursor of the next page, null on the last page. */
public record Page<T>(List<T> items, @Nullable Cursor nextCursor) {

	public Page {
		items = List.copyOf(items);
	}

	public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
		return new Page<>(this.items.stream().<R>map(mapper).toList(), this.nextCursor);
	}

}
