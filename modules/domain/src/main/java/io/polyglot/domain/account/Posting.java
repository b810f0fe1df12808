package io.polyglot.domain.account;

/**
 * An account as a movement leaves it, with the ledger entry that records the movement.
 */
public record Posting(Account after, LedgerEntry entry) {

}
