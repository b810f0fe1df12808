package io.polyglot.domain.demo;

import java.util.List;

/**
 * Port of demo 6: demo bank accounts and a transfer of two writes (debit, credit) with a
 * hook between them where the demo injects a failure; whether both writes form one
 * transaction is the store's (and the adapter's) choice.
 */
public interface TransferPlayground extends DemoData {

	/** Whether a transfer is one atomic, isolated transaction. */
	boolean transactional();

	/** The statements one transfer sends, in order, for people to read. */
	List<String> statements();

	/** Drops and recreates the accounts, each with the balance (cents). */
	void open(int accounts, long cents);

	/**
	 * Debits {@code from}, calls {@code betweenDebitAndCredit} (which may throw), credits
	 * {@code to}.
	 */
	void transfer(int from, int to, long cents, Runnable betweenDebitAndCredit);

	/** The sum of every balance (cents). */
	long total();

}
