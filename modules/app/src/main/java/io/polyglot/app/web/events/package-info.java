/**
 * REST endpoints of the event log: {@code GET /events} and {@code GET /me/activity}.
 */
@NullMarked
package io.polyglot.app.web.events;

import org.jspecify.annotations.NullMarked;
