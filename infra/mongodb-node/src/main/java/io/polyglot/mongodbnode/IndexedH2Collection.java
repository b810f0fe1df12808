package io.polyglot.mongodbnode;

import java.util.stream.Stream;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;

/**
 * An H2 collection whose queries use its {@link OrderedIndex}es ({@link IndexedQueries}).
 */
final class IndexedH2Collection extends H2Collection {

	private final IndexedQueries<Object> queries = new IndexedQueries<>(this::getDocument);

	IndexedH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
			MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
		super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
	}

	// the input of an aggregation: its leading $match served from an index
	@Override
	public Stream<Document> queryAllAsStream() {
		return AggregationPushdown.candidates(this, (filter) -> this.queries.candidates(getIndexes(), filter, count(),
				(document) -> documentMatchesQuery(document, filter)), super::queryAllAsStream);
	}

	@Override
	protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
			Document fieldSelector) {
		IndexedQueries.Answer answer = this.queries.find(getIndexes(), query, orderBy, numberToSkip, limit, count(),
				(document) -> documentMatchesQuery(document, query));
		if (answer == null) {
			return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
		}
		if (answer.complete()) {
			return matchDocumentsFromStream(query, answer.documents().stream(), 0, 0, batchSize, null, fieldSelector);
		}
		return matchDocumentsFromStream(answer.documents().stream(), query, orderBy, numberToSkip, limit, batchSize,
				fieldSelector);
	}

}
