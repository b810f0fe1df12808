package io.polyglot.domain.account;

/** Why a ledger entry moved money. */
public enum EntryKind {

	/** Money paid in from outside. */
	DEPOSIT,

	/** The debit half of a transfer. */
	TRANSFER_OUT,

	/** The credit half of a transfer. */
	TRANSFER_IN,

	/** An order paid from the wallet. */
	ORDER_PAYMENT,

	/** A paid order cancelled and paid back. */
	ORDER_REFUND

}
