package io.polyglot.domain.social;

import java.util.Objects;

import io.polyglot.domain.shared.Cursor;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.Page;
import io.polyglot.domain.shared.PageRequest;
import org.jspecify.annotations.Nullable;

/**
 * The caller's friends, a page at a time. A caller whose node has not arrived yet has no
 * friends, which is exactly what the empty page says.
 */
public final class ListFriends {

	private final SocialGraph graph;

	public ListFriends(SocialGraph graph) {
		this.graph = Objects.requireNonNull(graph, "graph");
	}

	/** One page of friends from the optional {@code limit} and {@code cursor} texts. */
	public Page<Person> list(CustomerId caller, @Nullable String limit, @Nullable String cursor) {
		int size = QueryNumbers.parse("limit", limit, PageRequest.DEFAULT_LIMIT, 1, PageRequest.MAX_LIMIT);
		@Nullable Cursor position = (cursor == null || cursor.isEmpty()) ? null : Cursor.of(cursor);
		return this.graph.friends(caller, new PageRequest(size, position));
	}

}
