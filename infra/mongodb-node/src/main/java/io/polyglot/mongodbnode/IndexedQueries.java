package io.polyglot.mongodbnode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.function.Function;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import io.polyglot.mongodbnode.OrderedIndex.Entry;
import io.polyglot.mongodbnode.QueryConstraints.Constraint;

/**
 * Chooses an {@link OrderedIndex} for a query and scans it, the way MongoDB's planner
 * does in small: an index whose order is the query's sort serves a limited query by
 * scanning in order and stopping at the limit (no sort stage); otherwise the index whose
 * bounds hold the fewest entries gives the candidates, which the core filters and sorts.
 * Costs are counted, not guessed: an ordered scan gets a budget of entries, and the
 * candidate counts stop at the best count so far, so a wrong first try costs at most
 * about as much as the right plan.
 */
final class IndexedQueries<P> {

	/** Entries an ordered scan may read before the candidate counts are taken. */
	private static final int FIRST_BUDGET = 1_000;

	/** A scan of one index: its bounds, and whether (and which way) it gives the sort. */
	private record Scan<P>(OrderedIndex<P> index, Entry low, Entry high, int bounded, Boolean forward) {

		/** Positions in index order, each document once. */
		Iterator<P> positions() {
			NavigableSet<Entry> range = this.index.range(this.low, this.high);
			Iterator<Entry> entries = (this.forward == null || this.forward) ? range.iterator()
					: range.descendingIterator();
			Set<Object> seen = this.index.isMultikey() ? new HashSet<>() : null;
			return new Iterator<>() {

				private P next = advance();

				@SuppressWarnings("unchecked")
				private P advance() {
					while (entries.hasNext()) {
						Object position = entries.next().position();
						if (seen == null || seen.add(position)) {
							return (P) position;
						}
					}
					return null;
				}

				@Override
				public boolean hasNext() {
					return this.next != null;
				}

				@Override
				public P next() {
					P current = this.next;
					this.next = advance();
					return current;
				}

			};
		}

		/** How many entries are in bounds, counting no further than {@code cap}. */
		long countUpTo(long cap) {
			long count = 0;
			for (Iterator<Entry> it = this.index.range(this.low, this.high).iterator(); it.hasNext() && count < cap; it
				.next()) {
				count++;
			}
			return count;
		}

	}

	/** What a query got from the indexes. */
	record Answer(List<Document> documents, boolean complete) {

	}

	/**
	 * Documents fetched through an index, in this JVM: the work a plan did, for tests
	 * that check a plan was chosen.
	 */
	static final LongAdder documentsRead = new LongAdder();

	private final Function<P, Document> documents;

	IndexedQueries(Function<P, Document> fetch) {
		this.documents = (position) -> {
			documentsRead.increment();
			return fetch.apply(position);
		};
	}

	/**
	 * Documents for the query from an index, or {@code null} when no index helps (the
	 * caller scans the collection). A {@linkplain Answer#complete() complete} answer is
	 * matched, sorted, skipped and limited already; otherwise it holds candidates, a
	 * superset of the matches, for the caller to filter, sort, skip and limit.
	 */
	Answer find(List<Index<P>> indexes, Document query, Document orderBy, int skip, int limit, long collectionSize,
			Predicate<Document> matches) {
		for (Index<P> index : indexes) {
			if (!(index instanceof OrderedIndex) && index.canHandle(query)) {
				return null; // a unique index (_id, sku, ...) finds it exactly
			}
		}
		QueryConstraints constraints = QueryConstraints.of(query);
		Answer exact = byUniqueKey(indexes, constraints);
		if (exact != null) {
			return exact;
		}
		List<Scan<P>> ordered = new ArrayList<>();
		List<Scan<P>> bounded = new ArrayList<>();
		for (Index<P> index : indexes) {
			if (index instanceof OrderedIndex<P> ordered0) {
				Scan<P> scan = scan(ordered0, constraints, orderBy);
				if (scan.forward() != null && limit > 0) {
					ordered.add(scan);
				}
				if (scan.bounded() > 0) {
					bounded.add(scan);
				}
			}
		}
		for (Scan<P> scan : ordered) {
			List<Document> page = inOrder(scan, matches, skip, limit, FIRST_BUDGET);
			if (page != null) {
				return new Answer(page, true);
			}
		}
		Scan<P> best = null;
		long bestCount = collectionSize;
		for (Scan<P> scan : bounded) {
			long count = scan.countUpTo(bestCount);
			if (count < bestCount) {
				best = scan;
				bestCount = count;
			}
		}
		if (!ordered.isEmpty()) {
			List<Document> page = inOrder(ordered.get(0), matches, skip, limit, Math.max(bestCount, FIRST_BUDGET));
			if (page != null) {
				return new Answer(page, true);
			}
		}
		if (best == null) {
			return null;
		}
		List<Document> candidates = new ArrayList<>((int) Math.min(bestCount, 1 << 16));
		for (Iterator<P> it = best.positions(); it.hasNext();) {
			candidates.add(this.documents.apply(it.next()));
		}
		return new Answer(candidates, false);
	}

	/**
	 * The documents an index gives for a filter with no sort and no limit (an
	 * aggregation's leading {@code $match}): the matches or a superset of them, or
	 * {@code null} when no index helps.
	 */
	List<Document> candidates(List<Index<P>> indexes, Document filter, long collectionSize,
			Predicate<Document> matches) {
		Answer answer = find(indexes, filter, new Document(), 0, 0, collectionSize, matches);
		return (answer != null) ? answer.documents() : null;
	}

	/**
	 * The candidates from a unique index ({@code _id}, {@code sku}) whose every key has
	 * an equality in the filter, or {@code null}. The core asks a unique index only about
	 * a filter that is nothing but its keys, so {@code {$and: [{_id: x}, {stock: {$gte:
	 * 1}}]}}, the shape of every conditional update by id, was a collection scan.
	 */
	private Answer byUniqueKey(List<Index<P>> indexes, QueryConstraints constraints) {
		for (Index<P> index : indexes) {
			if (index instanceof OrderedIndex) {
				continue;
			}
			Document keys = new Document();
			for (IndexKey key : index.getKeys()) {
				Constraint constraint = constraints.get(key.getKey());
				if (constraint == null || !constraint.isEquality()) {
					keys = null;
					break;
				}
				keys.put(key.getKey(), constraint.equal());
			}
			if (keys != null && index.canHandle(keys)) {
				List<Document> candidates = new ArrayList<>(1);
				for (P position : index.getPositions(keys)) {
					Document document = this.documents.apply(position);
					if (document != null) {
						candidates.add(document);
					}
				}
				return new Answer(candidates, false);
			}
		}
		return null;
	}

	/**
	 * Scans in sort order until {@code limit} matches past {@code skip}, or the end of
	 * the bounds; {@code null} if that takes more than {@code budget} entries.
	 */
	private List<Document> inOrder(Scan<P> scan, Predicate<Document> matches, int skip, int limit, long budget) {
		List<Document> page = new ArrayList<>(limit);
		int skipped = 0;
		long read = 0;
		for (Iterator<P> it = scan.positions(); it.hasNext();) {
			if (++read > budget) {
				return null;
			}
			Document document = this.documents.apply(it.next());
			if (document == null || !matches.test(document)) {
				continue;
			}
			if (skipped < skip) {
				skipped++;
				continue;
			}
			page.add(document);
			if (page.size() == limit) {
				break;
			}
		}
		return page;
	}

	/**
	 * The bounds of a scan of this index for these constraints: equalities on a prefix of
	 * its keys, then at most one range, like a MongoDB index bound. On keys inside arrays
	 * a range is used only from an {@code $elemMatch} (elsewhere two elements may meet
	 * the two ends), and two such keys only from the same one.
	 */
	private static <P> Scan<P> scan(OrderedIndex<P> index, QueryConstraints constraints, Document orderBy) {
		List<IndexKey> keys = index.getKeys();
		List<Object> low = new ArrayList<>();
		List<Object> high = new ArrayList<>();
		int equalities = 0;
		int bounded = 0;
		int arrayGroup = -1;
		for (int i = 0; i < keys.size(); i++) {
			IndexKey key = keys.get(i);
			Constraint constraint = constraints.get(key.getKey());
			if (constraint == null) {
				break;
			}
			if (index.isMultikey(i)) {
				if (arrayGroup >= 0 && (constraint.group() == 0 || constraint.group() != arrayGroup)) {
					break;
				}
				if (constraint.isRange() && constraint.group() == 0) {
					break;
				}
				arrayGroup = constraint.group();
			}
			if (constraint.isEquality()) {
				low.add(constraint.equal());
				high.add(constraint.equal());
				equalities++;
				bounded++;
				continue;
			}
			// the one range: which end comes first depends on the key's direction
			Object first = key.isAscending() ? constraint.lower() : constraint.upper();
			Object last = key.isAscending() ? constraint.upper() : constraint.lower();
			if (first != null) {
				low.add(first);
			}
			if (last != null) {
				high.add(last);
			}
			bounded++;
			break;
		}
		return new Scan<>(index, Entry.low(low), Entry.high(high), bounded,
				index.isMultikey() ? null : direction(keys, equalities, orderBy));
	}

	/**
	 * {@code TRUE} if scanning forward gives the sort, {@code FALSE} if scanning
	 * backwards does, {@code null} if neither: the sort's fields must be the keys after
	 * the equality prefix, all in the index's directions or all reversed.
	 */
	private static Boolean direction(List<IndexKey> keys, int equalities, Document orderBy) {
		if (orderBy == null || orderBy.isEmpty() || orderBy.containsKey("$natural")) {
			return null;
		}
		Boolean forward = null;
		int i = equalities;
		for (Map.Entry<String, Object> sort : orderBy.entrySet()) {
			if (i >= keys.size() || !keys.get(i).getKey().equals(sort.getKey())
					|| !(sort.getValue() instanceof Number direction)) {
				return null;
			}
			boolean same = (direction.doubleValue() > 0) == keys.get(i).isAscending();
			if (forward == null) {
				forward = same;
			}
			else if (forward != same) {
				return null;
			}
			i++;
		}
		return forward;
	}

}
