/**
 * Product catalog: categories with their attribute schemas, products validated against
 * them, search and facets, and the port to the document store that keeps them (MongoDB).
 */
@NullMarked
package io.polyglot.domain.catalog;

import org.jspecify.annotations.NullMarked;
