/**
 * Redis adapter: sessions and login rate limits, expiring by TTL.
 */
@NullMarked
package io.polyglot.adapter.redis;

import org.jspecify.annotations.NullMarked;
