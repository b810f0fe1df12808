package io.polyglot.domain.social;

import java.util.List;
import java.util.Objects;

import io.polyglot.domain.account.Customers;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.FieldErrors;
import io.polyglot.domain.shared.NotFoundException;
import io.polyglot.domain.shared.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * The shortest chain of friendships from a customer to another within a bounded depth.
 * Only the caller's own paths may be asked for (administrators may ask for anyone's): a
 * path reveals who is friends with whom, so another customer's id answers 404 exactly as
 * an unknown one does.
 */
public final class FindPath {

	private final SocialGraph graph;

	private final GraphMembership membership;

	public FindPath(SocialGraph graph, Customers customers) {
		this.graph = Objects.requireNonNull(graph, "graph");
		this.membership = new GraphMembership(graph, customers);
	}

	/**
	 * The path of the query.
	 * @throws NotFoundException when {@code from} is not the caller's (unless admin),
	 * when either customer does not exist, or when no path is within {@code maxDepth}
	 * @throws io.polyglot.domain.shared.ConflictException when either is registered but
	 * not in the graph yet
	 */
	public SocialPath find(CustomerId caller, boolean callerIsAdmin, Query query) {
		CustomerId start = query.from();
		CustomerId end = query.to();
		PathDepth depth = query.maxDepth();
		if (!start.equals(caller) && !callerIsAdmin) {
			throw new NotFoundException("No customer " + start + ".");
		}
		if (start.equals(end)) {
			return this.graph.person(start)
				.map((person) -> new SocialPath(List.of(person)))
				.orElseThrow(() -> this.membership.absence(start));
		}
		return this.graph.shortestPath(start, end, depth).orElseThrow(() -> noPath(start, end, depth));
	}

	private RuntimeException noPath(CustomerId start, CustomerId end, PathDepth depth) {
		if (this.graph.person(end).isEmpty() || this.graph.person(start).isEmpty()) {
			return this.membership.absence(end, start);
		}
		return new NotFoundException(
				"No path from " + start + " to " + end + " within " + depth.value() + " friendships.");
	}

	/** What a path search asks for: from whom, to whom, and how deep. */
	public record Query(CustomerId from, CustomerId to, PathDepth maxDepth) {

		public Query {
			Objects.requireNonNull(from, "from");
			Objects.requireNonNull(to, "to");
			Objects.requireNonNull(maxDepth, "maxDepth");
		}

		/**
		 * The query from the request's texts: the path's {@code id}, the {@code to} and
		 * the optional {@code maxDepth} parameters.
		 * @throws ValidationException naming every malformed field (id, to, maxDepth)
		 */
		public static Query parse(@Nullable String from, @Nullable String to, @Nullable String maxDepth) {
			FieldErrors errors = new FieldErrors();
			CustomerId start = errors.parse(() -> CustomerId.parse("id", from));
			CustomerId end = errors.parse("to", to, (text) -> CustomerId.parse("to", text));
			PathDepth depth = errors.parse(() -> PathDepth.parse(maxDepth));
			errors.throwIfAny();
			return new Query(Objects.requireNonNull(start), Objects.requireNonNull(end), Objects.requireNonNull(depth));
		}

	}

}
