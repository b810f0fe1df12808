package io.polyglot.mongodbnode;

import java.util.List;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The H2 database of mongo-java-server with real secondary indexes ({@link OrderedIndex})
 * and collections that plan their queries over them ({@link IndexedH2Collection}).
 */
final class IndexedH2Database extends H2Database {

	/**
	 * The store, for collections opened while {@link H2Database}'s constructor runs
	 * (before this class's fields are set): it opens the existing collections.
	 */
	private static final ThreadLocal<MVStore> OPENING = new ThreadLocal<>();

	private final MVStore store;

	private IndexedH2Database(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
		super(databaseName, store, cursorRegistry);
		this.store = store;
	}

	static IndexedH2Database open(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
		OPENING.set(store);
		try {
			return new IndexedH2Database(databaseName, store, cursorRegistry);
		}
		finally {
			OPENING.remove();
		}
	}

	// an aggregation whose pipeline starts with $match reads its input through an index
	@Override
	public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver resolver,
			Oplog oplog) {
		return AggregationPushdown.during(command, query, (name) -> resolveCollection(name, false),
				() -> super.handleCommand(channel, command, query, resolver, oplog));
	}

	@Override
	protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
			boolean sparse) {
		return new OrderedIndex<>(indexName, keys, sparse);
	}

	@Override
	protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
		MVStore mvStore = (this.store != null) ? this.store : OPENING.get();
		// the map names H2Database uses ("databases." and "meta." + namespace), so
		// existing data files open unchanged
		String namespace = getFullCollectionNamespace(collectionName);
		MVMap<Object, Document> dataMap = mvStore.openMap("databases." + namespace);
		MVMap<String, Object> metaMap = mvStore.openMap("meta." + namespace);
		return new IndexedH2Collection(this, collectionName, options, dataMap, metaMap, this.cursorRegistry);
	}

}
