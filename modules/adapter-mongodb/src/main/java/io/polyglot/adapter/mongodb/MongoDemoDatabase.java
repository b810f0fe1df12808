package io.polyglot.adapter.mongodb;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.jspecify.annotations.Nullable;

/**
 * The database the demos use, apart from the catalog's: its collections are seeded on
 * first use and dropped on reset.
 */
final class MongoDemoDatabase {

	static final String STORE = MongoCalls.STORE;

	private static final JsonWriterSettings SHELL = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

	private static final JsonWriterSettings PRETTY = JsonWriterSettings.builder()
		.outputMode(JsonMode.RELAXED)
		.indent(true)
		.build();

	final MongoDatabase database;

	MongoDemoDatabase(MongoDatabase database) {
		this.database = database;
	}

	static String json(Document document) {
		return document.toJson(SHELL);
	}

	static String pretty(@Nullable Document document) {
		return (document != null) ? document.toJson(PRETTY) : "null";
	}

	/** The server's message for a refused write (duplicate keys only). */
	static @Nullable String refusal(RuntimeException ex) {
		return MongoCalls.isDuplicateKey(ex) ? String.valueOf(ex.getMessage()) : null;
	}

}
