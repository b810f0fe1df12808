/**
 * The benchmark runner: the service's ports, the bare drivers and PostgreSQL baselines
 * side by side, each comparison checked for equal answers before it is timed.
 */
@NullMarked
package io.polyglot.bench;

import org.jspecify.annotations.NullMarked;
