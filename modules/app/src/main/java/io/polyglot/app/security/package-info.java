/**
 * Who the caller is: bearer session tokens, the stateless filter chain, 401/403 as
 * problem+json, and the password hash.
 */
@NullMarked
package io.polyglot.app.security;

import org.jspecify.annotations.NullMarked;
