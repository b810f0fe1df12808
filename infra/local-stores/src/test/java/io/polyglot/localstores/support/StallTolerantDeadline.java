package io.polyglot.localstores.support;

import java.time.Duration;

/**
 * A time budget for waiting on processes that counts only the time this test saw pass in
 * short steps. When the whole machine stalls (a paused VM, a host short of CPU or I/O),
 * the processes under test stall with it, and a wall-clock deadline would blame them for
 * the pause (a CI run found a 100 ms polling loop 32 s past its 180 s deadline at its
 * next check, with the stores it waited for silent). Here each check adds the time since
 * the previous check, but never more than {@link #MAX_STEP}, so a check that blocks
 * longer only makes the wait longer, never shorter.
 */
public final class StallTolerantDeadline {

	/** The most one check may use of the budget, however long the wait between checks. */
	static final Duration MAX_STEP = Duration.ofSeconds(1);

	private final long budgetNanos;

	private long usedNanos;

	private long lastCheck;

	private StallTolerantDeadline(Duration budget) {
		this.budgetNanos = budget.toNanos();
		this.lastCheck = System.nanoTime();
	}

	/** A budget that starts now. */
	public static StallTolerantDeadline after(Duration budget) {
		return new StallTolerantDeadline(budget);
	}

	/** Whether the budget is used up; each call counts the time since the last one. */
	public boolean expired() {
		long now = System.nanoTime();
		this.usedNanos += Math.min(now - this.lastCheck, MAX_STEP.toNanos());
		this.lastCheck = now;
		return this.usedNanos >= this.budgetNanos;
	}

}
