package io.polyglot.mongodbnode;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A non-unique secondary index for mongo-java-server, which has none of its own (its core
 * logs "not yet implemented" and keeps an empty index): the documents' key values in
 * index order, each with the document's position, so {@link IndexedQueries} can scan a
 * range of it, in either direction, instead of the whole collection.
 *
 * <p>
 * It lives in memory and is rebuilt from the documents when the collection opens (the
 * core fills an empty index when it is added), so it needs no durability of its own: the
 * documents are the truth. It never answers {@link #canHandle} itself: the core would
 * take the first index that does and sort everything it returns, while
 * {@link IndexedQueries} chooses among the indexes and can stop early when one gives the
 * sort order.
 */
final class OrderedIndex<P> extends Index<P> {

	/** One index entry, or a probe that sorts before or after every entry it prefixes. */
	record Entry(Object[] values, int probe, Object position) {

		static Entry low(List<Object> prefix) {
			return new Entry(prefix.toArray(), -1, null);
		}

		static Entry high(List<Object> prefix) {
			return new Entry(prefix.toArray(), 1, null);
		}

	}

	private final Comparator<Entry> order;

	private final NavigableSet<Entry> entries;

	/**
	 * Where each document is, by {@code _id}. Its entries are not kept: the core hands
	 * over the document as it was indexed when it removes or updates it, and its keys are
	 * computed again from that (less memory per document in every index).
	 */
	private final Map<Object, P> positions = new HashMap<>();

	/** Per key: whether any document had an array (or a value inside one) under it. */
	private final boolean[] multikeyKeys;

	private volatile boolean multikey;

	OrderedIndex(String name, List<IndexKey> keys, boolean sparse) {
		super(name, keys, sparse);
		this.order = entryOrder(keys);
		this.entries = new ConcurrentSkipListSet<>(this.order);
		this.multikeyKeys = new boolean[keys.size()];
	}

	private static Comparator<Entry> entryOrder(List<IndexKey> keys) {
		ValueComparator[] components = keys.stream()
			.map((key) -> key.isAscending() ? ValueComparator.asc() : ValueComparator.desc())
			.toArray(ValueComparator[]::new);
		return (a, b) -> {
			int common = Math.min(a.values().length, b.values().length);
			for (int i = 0; i < common; i++) {
				int c = components[i].compare(a.values()[i], b.values()[i]);
				if (c != 0) {
					return c;
				}
			}
			if (a.probe() != 0 || b.probe() != 0) {
				// a probe sorts before (-1) or after (+1) everything it prefixes
				return Integer.compare(a.probe(), b.probe());
			}
			return ValueComparator.asc().compare(a.position(), b.position());
		};
	}

	Comparator<Entry> order() {
		return this.order;
	}

	/** Whether any document had an array (or a value inside one) under any key. */
	boolean isMultikey() {
		return this.multikey;
	}

	/** Whether any document had an array (or a value inside one) under the i-th key. */
	boolean isMultikey(int key) {
		return this.multikeyKeys[key];
	}

	/** The entries from {@code low} to {@code high}, both probes, in index order. */
	NavigableSet<Entry> range(Entry low, Entry high) {
		return this.entries.subSet(low, true, high, true);
	}

	@Override
	public synchronized P getPosition(Document document) {
		return this.positions.get(id(document));
	}

	@Override
	public void checkAdd(Document document, MongoCollection<P> collection) {
		// no uniqueness to check; computing the keys refuses parallel arrays as MongoDB
		// does
		getKeyValues(document);
	}

	@Override
	public synchronized void add(Document document, P position, MongoCollection<P> collection) {
		Set<KeyValue> keyValues = getKeyValues(document);
		List<IndexKey> keys = getKeys();
		for (int i = 0; i < keys.size(); i++) {
			if (!this.multikeyKeys[i] && touchesArray(document, keys.get(i).getKey())) {
				this.multikeyKeys[i] = true;
				this.multikey = true;
			}
		}
		for (KeyValue keyValue : keyValues) {
			this.entries.add(new Entry(keyValue.stream().toArray(), 0, position));
		}
		this.positions.put(id(document), position);
	}

	@Override
	public synchronized P remove(Document document) {
		P position = this.positions.remove(id(document));
		if (position == null) {
			return null;
		}
		for (KeyValue keyValue : getKeyValues(document)) {
			this.entries.remove(new Entry(keyValue.stream().toArray(), 0, position));
		}
		return position;
	}

	@Override
	public boolean canHandle(Document query) {
		return false;
	}

	@Override
	public Iterable<P> getPositions(Document query) {
		throw new UnsupportedOperationException("scanned by IndexedQueries");
	}

	@Override
	public synchronized long getCount() {
		return this.positions.size();
	}

	@Override
	public long getDataSize() {
		return 0;
	}

	@Override
	public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
		getKeyValues(newDocument);
	}

	@Override
	public synchronized void updateInPlace(Document oldDocument, Document newDocument, P position,
			MongoCollection<P> collection) {
		remove(oldDocument);
		add(newDocument, position, collection);
	}

	@Override
	public synchronized void drop() {
		this.entries.clear();
		this.positions.clear();
	}

	private static Object id(Document document) {
		return new KeyValue(document.get("_id")).normalized().get(0);
	}

	private static boolean touchesArray(Document document, String path) {
		Object value = document;
		for (String fragment : path.split("\\.")) {
			if (value instanceof List<?>) {
				return true;
			}
			if (!(value instanceof Document current)) {
				return false;
			}
			value = current.get(fragment);
		}
		return value instanceof List<?>;
	}

}
