/**
 * HTTP edge: controllers, request/response records, and the mapping of failures to
 * problem+json responses.
 */
@NullMarked
package io.polyglot.app.web;

import org.jspecify.annotations.NullMarked;
