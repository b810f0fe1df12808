package io.polyglot.mongodbnode;

import java.util.Locale;
import java.util.Set;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * The H2 MVStore backend of mongo-java-server, made durable per write: every command that
 * may change data commits the MVStore (and optionally forces it to disk) before its reply
 * is sent, so an acknowledged write survives {@code kill -9} of this JVM.
 *
 * <p>
 * Stock {@link H2Backend} never commits per write: {@code MVStore.open} auto-commits
 * about once a second, so a kill lost up to a second of acknowledged writes (measured: a
 * kill 6–12 ms after 500 acknowledged inserts kept 7 and 273 of them). Every command is
 * handled on a Netty event loop thread and replied to after {@link #handleCommand}
 * returns, both for {@code OP_MSG} and legacy {@code OP_QUERY} commands, so committing
 * here is enough.
 *
 * <p>
 * Concurrent writers group-commit naturally: {@link MVStore#commit()} blocks on the store
 * lock and writes every change made so far, so a writer whose change was written by
 * another's commit finds nothing left to store.
 */
final class DurableH2Backend extends H2Backend {

	/**
	 * Commands that never change data: no commit after them. Anything not listed commits,
	 * so a command this list forgets costs a cheap no-op commit, never durability.
	 */
	private static final Set<String> READ_ONLY = Set.of("find", "getmore", "count", "distinct", "listcollections",
			"listindexes", "listdatabases", "ismaster", "hello", "ping", "buildinfo", "serverstatus", "whatsmyuri",
			"killcursors", "endsessions", "dbstats", "collstats", "connectionstatus", "getparameter", "hostinfo",
			"getcmdlineopts", "getlog", "explain", "getlasterror", "getfreemonitoringstatus", "saslstart",
			"saslcontinue");

	private final MVStore store;

	private final boolean forceToDisk;

	private final Object syncLock = new Object();

	/**
	 * @param store the opened file store
	 * @param forceToDisk also {@code fsync} after each commit (survives power loss, not
	 * only a killed process)
	 */
	DurableH2Backend(MVStore store, boolean forceToDisk) {
		super(store);
		this.store = store;
		this.forceToDisk = forceToDisk;
	}

	@Override
	protected MongoDatabase openOrCreateDatabase(String databaseName) {
		// getMvStore(), not a field of this class: H2Backend's constructor opens the
		// existing databases before this class's fields are set
		return IndexedH2Database.open(databaseName, getMvStore(), getCursorRegistry());
	}

	@Override
	public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
		boolean mayWrite = mayWrite(command, query);
		try {
			return super.handleCommand(channel, databaseName, command, query);
		}
		finally {
			// also after a failed command: a bulk insert that failed half-way has applied
			// (and acknowledged as written) the documents before the failure
			if (mayWrite) {
				makeDurable();
			}
		}
	}

	private static boolean mayWrite(String command, Document query) {
		String name = command.toLowerCase(Locale.ROOT);
		if ("aggregate".equals(name)) {
			// only $out and $merge stages write
			String pipeline = String.valueOf(query.get("pipeline"));
			return pipeline.contains("$out") || pipeline.contains("$merge");
		}
		return !READ_ONLY.contains(name);
	}

	private void makeDurable() {
		this.store.commit();
		if (this.forceToDisk) {
			// one fsync at a time; writers queued here meanwhile had their changes
			// committed (and so forced) by the holder or commit them now
			synchronized (this.syncLock) {
				this.store.commit();
				this.store.sync();
			}
		}
	}

}
