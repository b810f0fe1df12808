/**
 * The outbox relay: delivers committed outbox events to every consumer (event log,
 * projections), prunes what all of them received, and reports the backlog as metrics and
 * a health component.
 */
@NullMarked
package io.polyglot.app.outbox;

import org.jspecify.annotations.NullMarked;
