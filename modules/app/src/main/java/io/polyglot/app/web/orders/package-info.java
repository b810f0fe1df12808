/** REST endpoints of orders and the administrators' stock reconciliation. */
@NullMarked
package io.polyglot.app.web.orders;

import org.jspecify.annotations.NullMarked;
