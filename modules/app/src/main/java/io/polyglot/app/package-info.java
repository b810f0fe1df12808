/**
 * The Spring Boot service: wiring of use cases to adapters, REST API, operations.
 */
@NullMarked
package io.polyglot.app;

import org.jspecify.annotations.NullMarked;
