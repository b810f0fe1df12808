/** Background jobs of the service that run at a fixed delay while it runs. */
@NullMarked
package io.polyglot.app.scheduling;

import org.jspecify.annotations.NullMarked;
