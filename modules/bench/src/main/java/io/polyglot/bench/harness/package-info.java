/**
 * The harness: closed- and open-loop runners, equivalence checks, progress and result
 * rows.
 */
@NullMarked
package io.polyglot.bench.harness;

import org.jspecify.annotations.NullMarked;
