/**
 * The catalog's REST endpoints: categories, products, search and facets, with their
 * request and response bodies and the parsing of search parameters.
 */
@NullMarked
package io.polyglot.app.web.catalog;

import org.jspecify.annotations.NullMarked;
