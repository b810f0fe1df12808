/**
 * Cassandra adapter: the append-only event log, partitioned by stream and day.
 */
@NullMarked
package io.polyglot.adapter.cassandra;

import org.jspecify.annotations.NullMarked;
