/**
 * Sessions and logins: opaque bearer tokens whose hashes live in Redis with idle and
 * absolute expiry, and login rate limits.
 */
@NullMarked
package io.polyglot.domain.session;

import org.jspecify.annotations.NullMarked;
