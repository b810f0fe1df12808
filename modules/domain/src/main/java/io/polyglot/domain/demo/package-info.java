/**
 * Architecture demos: small, self-contained experiments that run the same question
 * against two stores (or one store two ways) on demo-only data, and report the exact
 * statements sent, what came back and how long each took. Every store is reached through
 * the ports of this package, like every other concern of the service.
 */
@NullMarked
package io.polyglot.domain.demo;

import org.jspecify.annotations.NullMarked;
