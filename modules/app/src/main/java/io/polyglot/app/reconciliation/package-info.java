/**
 * Stock repair: runs the domain's {@code RepairStock} periodically and on demand, with
 * its metrics and health component.
 */
@NullMarked
package io.polyglot.app.reconciliation;

import org.jspecify.annotations.NullMarked;
