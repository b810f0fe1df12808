package io.polyglot.mongodbnode;

import java.util.List;
import java.util.stream.Stream;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;

/**
 * mongo-java-server's memory backend (the test stores) with the same secondary indexes
 * and query planning as the local run's H2 backend, so tests and benchmarks exercise the
 * queries the local run serves.
 */
final class IndexedMemoryBackend extends MemoryBackend {

	@Override
	public MemoryDatabase openOrCreateDatabase(String databaseName) {
		return new Database(databaseName, getCursorRegistry());
	}

	private static final class Database extends MemoryDatabase {

		Database(String databaseName, CursorRegistry cursorRegistry) {
			super(databaseName, cursorRegistry);
		}

		// an aggregation whose pipeline starts with $match reads its input through an
		// index
		@Override
		public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver resolver,
				Oplog oplog) {
			return AggregationPushdown.during(command, query, (name) -> resolveCollection(name, false),
					() -> super.handleCommand(channel, command, query, resolver, oplog));
		}

		@Override
		protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
			return new Collection(this, collectionName, options, this.cursorRegistry);
		}

		@Override
		protected Index<Integer> openOrCreateSecondaryIndex(String collectionName, String indexName,
				List<IndexKey> keys, boolean sparse) {
			return new OrderedIndex<>(indexName, keys, sparse);
		}

	}

	private static final class Collection extends MemoryCollection {

		private final IndexedQueries<Integer> queries = new IndexedQueries<>(this::getDocument);

		Collection(MongoDatabase database, String collectionName, CollectionOptions options,
				CursorRegistry cursorRegistry) {
			super(database, collectionName, options, cursorRegistry);
		}

		// the input of an aggregation: its leading $match served from an index
		@Override
		public Stream<Document> queryAllAsStream() {
			return AggregationPushdown.candidates(this, (filter) -> this.queries.candidates(getIndexes(), filter,
					count(), (document) -> documentMatchesQuery(document, filter)), super::queryAllAsStream);
		}

		@Override
		protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
				int batchSize, Document fieldSelector) {
			IndexedQueries.Answer answer = this.queries.find(getIndexes(), query, orderBy, numberToSkip, limit, count(),
					(document) -> documentMatchesQuery(document, query));
			if (answer == null) {
				return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
			}
			if (answer.complete()) {
				return matchDocumentsFromStream(query, answer.documents().stream(), 0, 0, batchSize, null,
						fieldSelector);
			}
			return matchDocumentsFromStream(answer.documents().stream(), query, orderBy, numberToSkip, limit, batchSize,
					fieldSelector);
		}

	}

}
