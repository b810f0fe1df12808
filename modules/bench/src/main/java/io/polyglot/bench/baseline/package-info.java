/**
 * PostgreSQL baselines of the non-relational ports, written so they could move into
 * adapter-postgres.
 */
@NullMarked
package io.polyglot.bench.baseline;

import org.jspecify.annotations.NullMarked;
