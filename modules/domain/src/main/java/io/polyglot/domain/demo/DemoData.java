package io.polyglot.domain.demo;

/**
 * The demo data one store holds, in a namespace of its own (a schema, a database, a key
 * prefix, a keyspace, a label): seeded on first use, dropped on reset, never mixed with
 * customers' data.
 */
public interface DemoData {

	/** The store, as health names it. */
	String store();

	/** Drops every demo object of this store; the next demo run seeds it again. */
	void reset();

}
