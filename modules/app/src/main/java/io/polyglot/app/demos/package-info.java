/**
 * The architecture demo page and its endpoints: wiring of the demo use case to the
 * adapters' demo ports, the REST endpoints under {@code /api/v1/demos}, the live store
 * map and the static page at {@code /}. Everything here exists only when
 * {@code polyglot.demos.enabled} is true.
 */
@NullMarked
package io.polyglot.app.demos;

import org.jspecify.annotations.NullMarked;
