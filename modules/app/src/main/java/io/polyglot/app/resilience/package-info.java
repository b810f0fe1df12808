/**
 * Store isolation at the port level: a bulkhead per store around every call the domain
 * makes through an adapter, and the last translation of store failures to the domain's
 * store-unavailable error (503).
 */
@NullMarked
package io.polyglot.app.resilience;

import org.jspecify.annotations.NullMarked;
