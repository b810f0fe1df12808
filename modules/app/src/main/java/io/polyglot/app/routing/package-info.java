/**
 * Per-concern routing: which store serves the catalog, sessions, event log and social
 * graph ({@code polyglot.routing.*}), and moving a concern's data between them.
 */
@NullMarked
package io.polyglot.app.routing;

import org.jspecify.annotations.NullMarked;
