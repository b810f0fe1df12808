/**
 * MongoDB adapter: the product catalog and its stock, portable between real MongoDB and
 * mongo-java-server alike.
 */
@NullMarked
package io.polyglot.adapter.mongodb;

import org.jspecify.annotations.NullMarked;
