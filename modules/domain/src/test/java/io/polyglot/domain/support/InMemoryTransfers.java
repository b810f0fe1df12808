package io.polyglot.domain.support;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.polyglot.domain.demo.TransferPlayground;

/**
 * Demo bank accounts in a map, either transactional (a failed transfer puts the debit
 * back, as PostgreSQL's rollback does) or not (the debit stays, as two single-document
 * writes leave it).
 */
public final class InMemoryTransfers implements TransferPlayground {

	private final boolean transactional;

	private final Map<Integer, Long> balances = new TreeMap<>();

	public InMemoryTransfers(boolean transactional) {
		this.transactional = transactional;
	}

	@Override
	public String store() {
		return "memory";
	}

	@Override
	public boolean transactional() {
		return this.transactional;
	}

	@Override
	public List<String> statements() {
		return List.of("debit", "-- a failure may be injected here", "credit");
	}

	@Override
	public synchronized void open(int accounts, long cents) {
		this.balances.clear();
		for (int id = 1; id <= accounts; id++) {
			this.balances.put(id, cents);
		}
	}

	@Override
	public synchronized void transfer(int from, int to, long cents, Runnable betweenDebitAndCredit) {
		this.balances.merge(from, -cents, Long::sum);
		try {
			betweenDebitAndCredit.run();
		}
		catch (RuntimeException ex) {
			if (this.transactional) {
				this.balances.merge(from, cents, Long::sum);
			}
			throw ex;
		}
		this.balances.merge(to, cents, Long::sum);
	}

	@Override
	public synchronized long total() {
		return this.balances.values().stream().mapToLong(Long::longValue).sum();
	}

	@Override
	public synchronized void reset() {
		this.balances.clear();
	}

}
