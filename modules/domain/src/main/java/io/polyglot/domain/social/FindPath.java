package io.polyglot.domain.social;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import io.polyglot.domain.account.Customers;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.Ids;
import io.polyglot.domain.shared.NotFoundException;
import io.polyglot.domain.shared.ValidationException;
import io.polyglot.domain.shared.ValidationException.FieldError;
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
	 * The path from {@code from} to {@code to}.
	 * @throws ValidationException naming every malformed field (id, to, maxDepth)
	 * @throws NotFoundException when {@code from} is not the caller's (unless admin),
	 * when either customer does not exist, or when no path is within {@code maxDepth}
	 * @throws io.polyglot.domain.shared.ConflictException when either is registered but
	 * not in the graph yet
	 */
	public SocialPath find(CustomerId caller, boolean callerIsAdmin, @Nullable String from, @Nullable String to,
			@Nullable String maxDepth) {
		List<FieldError> errors = new ArrayList<>();
		CustomerId start = parse(errors, () -> new CustomerId(Ids.parseUuid("id", from)));
		CustomerId end = (to == null) ? missing(errors, "to")
				: parse(errors, () -> new CustomerId(Ids.parseUuid("to", to)));
		PathDepth depth = parse(errors, () -> PathDepth.parse(maxDepth));
		if (start == null || end == null || depth == null) {
			throw new ValidationException(errors);
		}
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

	private static <T> @Nullable T missing(List<FieldError> errors, String field) {
		errors.add(new FieldError(field, "is required"));
		return null;
	}

	private static <T> @Nullable T parse(List<FieldError> errors, Supplier<T> parser) {
		try {
			return parser.get();
		}
		catch (ValidationException ex) {
			errors.addAll(ex.errors());
			return null;
		}
	}

}
