/**
 * The OpenAPI document: what springdoc reads from the controllers, completed with the
 * contract it cannot see (security, problem responses, headers, search filters).
 */
@NullMarked
package io.polyglot.app.openapi;

import org.jspecify.annotations.NullMarked;
