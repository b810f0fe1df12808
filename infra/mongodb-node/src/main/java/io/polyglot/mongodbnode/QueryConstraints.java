package io.polyglot.mongodbnode;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;

/**
 * What a query filter says about single fields, reduced to what an index scan can use: an
 * equality value, or a lower and an upper bound. Everything else in the filter ($or, $ne,
 * $regex, $exists, ...) is left out, which only widens the set of candidates; the core
 * matches every candidate against the whole filter again, so a scan built from these
 * constraints may return more documents than match, never fewer.
 */
final class QueryConstraints {

	/**
	 * One field's constraint. {@code group} is 0 for a top-level condition and the number
	 * of its {@code $elemMatch} otherwise: conditions on two fields of one array element
	 * may only be combined in one index scan when they come from the same
	 * {@code $elemMatch}.
	 */
	record Constraint(Object equal, Object lower, Object upper, int group) {

		boolean isEquality() {
			return this.equal != null;
		}

		boolean isRange() {
			return this.equal == null && (this.lower != null || this.upper != null);
		}

	}

	private final Map<String, Constraint> byField = new HashMap<>();

	private final Set<String> elemMatched = new HashSet<>();

	private int groups;

	private QueryConstraints() {
	}

	/** The constraints of a filter document (the empty filter has none). */
	static QueryConstraints of(Document query) {
		QueryConstraints constraints = new QueryConstraints();
		if (query != null) {
			constraints.collect(query, "", 0);
		}
		return constraints;
	}

	Constraint get(String field) {
		return this.byField.get(field);
	}

	boolean isEmpty() {
		return this.byField.isEmpty();
	}

	private void collect(Document query, String prefix, int group) {
		for (Map.Entry<String, Object> entry : query.entrySet()) {
			String key = entry.getKey();
			Object value = entry.getValue();
			if ("$and".equals(key) && value instanceof List<?> parts) {
				for (Object part : parts) {
					if (part instanceof Document document) {
						collect(document, prefix, group);
					}
				}
			}
			else if (!key.startsWith("$")) {
				field(prefix + key, value, group);
			}
			// any other top-level operator ($or, $nor, $expr, $where, ...) is left to the
			// matcher
		}
	}

	private void field(String field, Object value, int group) {
		if (value instanceof Document operators && isOperatorDocument(operators)) {
			for (Map.Entry<String, Object> operator : operators.entrySet()) {
				Object argument = operator.getValue();
				switch (operator.getKey()) {
					case "$eq" -> equal(field, argument, group);
					case "$gt", "$gte" -> bound(field, argument, true, group);
					case "$lt", "$lte" -> bound(field, argument, false, group);
					case "$in" -> {
						if (argument instanceof List<?> values && values.size() == 1) {
							equal(field, values.get(0), group);
						}
					}
					case "$all" -> {
						// every element must be there: the first one alone is a superset
						if (argument instanceof List<?> values && !values.isEmpty()) {
							equal(field, values.get(0), group);
						}
					}
					case "$elemMatch" -> {
						// only the first $elemMatch of an array: two of them may be met
						// by different elements, so their fields must not share a scan
						if (argument instanceof Document element && !isOperatorDocument(element)
								&& this.elemMatched.add(field)) {
							collect(element, field + ".", ++this.groups);
						}
					}
					default -> {
						// $ne, $nin, $exists, $regex, $not, $size, $type, ...: not
						// usable as a bound
					}
				}
			}
		}
		else {
			equal(field, value, group);
		}
	}

	private void equal(String field, Object value, int group) {
		if (!isScalar(value)) {
			return;
		}
		Constraint existing = this.byField.get(field);
		if (existing == null || !existing.isEquality()) {
			this.byField.put(field, new Constraint(normalized(value), null, null, group));
		}
	}

	private void bound(String field, Object value, boolean lower, int group) {
		if (!isScalar(value)) {
			return;
		}
		Object bound = normalized(value);
		Constraint existing = this.byField.get(field);
		if (existing == null) {
			this.byField.put(field,
					lower ? new Constraint(null, bound, null, group) : new Constraint(null, null, bound, group));
			return;
		}
		if (existing.isEquality() || existing.group() != group) {
			// an equality is the better bound; a bound of another group is kept as
			// it is
			return;
		}
		ValueComparator order = ValueComparator.asc();
		if (lower) {
			Object tighter = (existing.lower() == null || order.compare(bound, existing.lower()) > 0) ? bound
					: existing.lower();
			this.byField.put(field, new Constraint(null, tighter, existing.upper(), group));
		}
		else {
			Object tighter = (existing.upper() == null || order.compare(bound, existing.upper()) < 0) ? bound
					: existing.upper();
			this.byField.put(field, new Constraint(null, existing.lower(), tighter, group));
		}
	}

	private static boolean isOperatorDocument(Document document) {
		return !document.isEmpty() && document.keySet().iterator().next().startsWith("$");
	}

	/**
	 * Only plain values bound a scan: null matches missing fields, a document or a list
	 * compares as a whole, a regular expression is a pattern.
	 */
	private static boolean isScalar(Object value) {
		return value != null && !(value instanceof Document) && !(value instanceof List<?>)
				&& !(value instanceof Pattern) && !(value instanceof BsonRegularExpression)
				&& !(value instanceof Map<?, ?>);
	}

	/** The value as the index stores it (numbers normalized the way the core does). */
	private static Object normalized(Object value) {
		return new KeyValue(value).normalized().get(0);
	}

}
