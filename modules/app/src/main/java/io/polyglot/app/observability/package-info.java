/**
 * What an operator sees of the service: request ids in headers, logs and problems, and
 * per-store operation metrics.
 */
@NullMarked
package io.polyglot.app.observability;

import org.jspecify.annotations.NullMarked;
