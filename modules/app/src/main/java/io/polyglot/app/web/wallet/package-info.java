/**
 * REST endpoints of the wallet: the caller's account, deposits, transfers and ledger.
 */
@NullMarked
package io.polyglot.app.web.wallet;

import org.jspecify.annotations.NullMarked;
