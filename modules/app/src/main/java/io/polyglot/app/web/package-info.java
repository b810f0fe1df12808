/**
 * HTTP edge: controllers, request/response records, and the mapping of failures to
 * problem+json.
 */
@NullMarked
package io.polyglot.app.web;

import org.jspecify.annotations.NullMarked;
