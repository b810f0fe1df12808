/**
 * REST endpoints of the social graph: friendships, friends, suggestions and paths.
 */
@NullMarked
package io.polyglot.app.web.social;

import org.jspecify.annotations.NullMarked;
