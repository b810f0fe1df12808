/**
 * Wiring: the domain's use cases as beans over the adapters' ports, the
 * {@code polyglot.*} settings, and the operator bootstrap.
 */
@NullMarked
package io.polyglot.app.config;

import org.jspecify.annotations.NullMarked;
