/**
 * Social graph: people projected from registrations, symmetric friendships,
 * friends-of-friends suggestions and shortest paths. Neo4j holds the graph; PostgreSQL
 * stays the system of record for who exists.
 */
@NullMarked
package io.polyglot.domain.social;

import org.jspecify.annotations.NullMarked;
