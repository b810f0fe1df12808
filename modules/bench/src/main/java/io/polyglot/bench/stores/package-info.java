/**
 * Connections to running or locally started stores, under the service's property names.
 */
@NullMarked
package io.polyglot.bench.stores;

import org.jspecify.annotations.NullMarked;
