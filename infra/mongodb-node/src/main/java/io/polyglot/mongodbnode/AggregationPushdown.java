package io.polyglot.mongodbnode;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.bson.Document;

/**
 * Lets an aggregation's leading {@code $match} use the collection's indexes, as MongoDB
 * does, instead of mongo-java-server's read of the whole collection before its first
 * stage. The database {@linkplain #during arms} the pipeline's collection for the length
 * of the {@code aggregate} command; the collection's {@code queryAllAsStream}, which the
 * core's aggregation calls once to get its input, then {@linkplain #candidates takes} the
 * filter and streams only the index's candidates. The {@code $match} stage itself still
 * runs over them, so the answer is the full scan's whatever the index returns, as long as
 * it returns a superset of the matches (which {@link IndexedQueries} does).
 */
final class AggregationPushdown {

	/**
	 * Stages that only transform the stream they are given. A pipeline with any other
	 * stage ({@code $lookup}, {@code $unionWith}, {@code $graphLookup}, {@code $facet},
	 * {@code $out}, ...) may read a collection again, perhaps this very one, and is left
	 * to the full scan.
	 */
	private static final Set<String> STREAM_ONLY = Set.of("$match", "$unwind", "$group", "$sort", "$project", "$limit",
			"$skip", "$count", "$addFields", "$set", "$unset", "$replaceRoot", "$replaceWith", "$sortByCount",
			"$bucket");

	private record Armed(MongoCollection<?> collection, Document filter) {
	}

	private static final ThreadLocal<Armed> ARMED = new ThreadLocal<>();

	private AggregationPushdown() {
	}

	/**
	 * Runs an {@code aggregate} command with its collection armed when the pipeline
	 * starts with a {@code $match} and has only stream stages.
	 */
	static Document during(String command, Document query, Function<String, MongoCollection<?>> collectionNamed,
			Supplier<Document> handle) {
		Document filter = "aggregate".equals(command) ? leadingMatch(query.get("pipeline")) : null;
		MongoCollection<?> target = (filter != null && query.get("aggregate") instanceof String name)
				? collectionNamed.apply(name) : null;
		if (target == null) {
			return handle.get();
		}
		ARMED.set(new Armed(target, filter));
		try {
			return handle.get();
		}
		finally {
			ARMED.remove();
		}
	}

	/**
	 * The documents the aggregation should start from: the index's candidates for the
	 * armed filter, once, if this is the armed collection; otherwise the whole
	 * collection.
	 */
	static Stream<Document> candidates(MongoCollection<?> collection, Function<Document, List<Document>> fromIndex,
			Supplier<Stream<Document>> all) {
		Armed armed = ARMED.get();
		if (armed == null || armed.collection() != collection) {
			return all.get();
		}
		// once: a second read of the collection in the same command is not the
		// pipeline's input
		ARMED.remove();
		List<Document> found = fromIndex.apply(armed.filter());
		return (found != null) ? found.stream().filter(Objects::nonNull) : all.get();
	}

	private static Document leadingMatch(Object pipeline) {
		if (!(pipeline instanceof List<?> stages) || stages.isEmpty()) {
			return null;
		}
		for (Object stage : stages) {
			if (!(stage instanceof Document document) || document.size() != 1
					|| !STREAM_ONLY.contains(document.keySet().iterator().next())) {
				return null;
			}
		}
		Object match = ((Document) stages.get(0)).get("$match");
		return (match instanceof Document filter) ? filter : null;
	}

}
