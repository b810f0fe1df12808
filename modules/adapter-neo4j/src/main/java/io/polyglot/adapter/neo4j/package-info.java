/**
 * Neo4j adapter: the social graph, traversed in Cypher.
 */
@NullMarked
package io.polyglot.adapter.neo4j;

import org.jspecify.annotations.NullMarked;
