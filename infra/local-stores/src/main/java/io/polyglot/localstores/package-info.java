/**
 * Starts, waits for and stops the five real stores on loopback, without Docker: for the
 * local run, for tests and from the command line.
 */
@NullMarked
package io.polyglot.localstores;

import org.jspecify.annotations.NullMarked;
