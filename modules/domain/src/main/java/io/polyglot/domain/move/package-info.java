/**
 * Moving a concern's data from one store to another: resumable copies that keep ids and
 * versions and verify counts afterwards.
 */
@NullMarked
package io.polyglot.domain.move;

import org.jspecify.annotations.NullMarked;
