/**
 * One workload per persistence concern, each with its port, raw and baseline targets.
 */
@NullMarked
package io.polyglot.bench.workloads;

import org.jspecify.annotations.NullMarked;
