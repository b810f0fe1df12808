package io.polyglot.domain.demo;

/**
 * Port of demo 4: events in (stream, day) partitions, a time-range read that touches only
 * the partitions of its days, and the same events in one unbounded partition per stream.
 */
public interface PartitionPlayground extends DemoData {

	/**
	 * Reads the last {@code days} days of the stream; findings {@code partitionsTouched},
	 * {@code partitionsOfStream}, {@code rowsRead}, {@code unboundedPartitionRows} and an
	 * estimate of that partition's growth.
	 */
	Played readDays(String stream, int days);

}
