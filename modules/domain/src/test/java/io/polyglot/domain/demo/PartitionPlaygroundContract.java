package io.polyglot.domain.demo;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link PartitionPlayground} must do, run against the in-memory fake and the
 * Cassandra adapter on their seeded demo streams. The figures are the store's own
 * (Cassandra's partitions and their sizes), so the contract holds how they relate: a read
 * of {@code days} days touches one partition per day, no more than the stream has, and
 * reads a part of what the one unbounded partition of the stream holds.
 */
public abstract class PartitionPlaygroundContract {

	private static final String STREAM = "account:demo-1";

	protected abstract PartitionPlayground playground();

	private static long number(Played played, String finding) {
		Object value = played.findings().get(finding);
		assertThat(value).as(finding).isInstanceOf(Number.class);
		return ((Number) value).longValue();
	}

	@Test
	protected void aReadOfSomeDaysTouchesOnePartitionPerDayOfTheStream() {
		Played played = playground().readDays(STREAM, 3);

		assertThat(number(played, "partitionsTouched")).isEqualTo(3);
		assertThat(number(played, "partitionsOfStream")).isGreaterThanOrEqualTo(3);
		assertThat(played.steps()).isNotEmpty();
	}

	@Test
	protected void theDaysReadAreAPartOfTheStreamsUnboundedPartition() {
		Played oneDay = playground().readDays(STREAM, 1);
		Played week = playground().readDays(STREAM, 7);

		assertThat(number(oneDay, "rowsRead")).isPositive();
		assertThat(number(week, "rowsRead")).isGreaterThanOrEqualTo(number(oneDay, "rowsRead"))
			.isLessThanOrEqualTo(number(week, "unboundedPartitionRows"));
	}

}
