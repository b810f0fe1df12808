/**
 * Forked store JVMs: how they are launched, found on the classpath, and made to die with
 * their parent.
 */
@NullMarked
package io.polyglot.localstores.fork;

import org.jspecify.annotations.NullMarked;
