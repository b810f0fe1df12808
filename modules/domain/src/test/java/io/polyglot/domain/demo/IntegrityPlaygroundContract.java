package io.polyglot.domain.demo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link IntegrityPlayground} must do, run against the in-memory fake and each
 * real store. Which bad rows a store refuses is the point of the demo and differs by
 * store (PostgreSQL refuses all four, MongoDB only the duplicate id), so the contract
 * holds what they share: good rows are accepted, every row is counted once as accepted or
 * refused, each refusal shows as a refused step, a duplicate id is refused everywhere,
 * and a run starts from empty demo data so it repeats exactly.
 */
public abstract class IntegrityPlaygroundContract {

	private static final long ROWS = DemoShop.INTEGRITY_ATTEMPTS.size();

	private static final long BAD_ROWS = DemoShop.INTEGRITY_ATTEMPTS.stream().filter(DemoShop.Attempt::bad).count();

	protected abstract IntegrityPlayground playground();

	private static long number(Played played, String finding) {
		Object value = played.findings().get(finding);
		assertThat(value).as(finding).isInstanceOf(Number.class);
		return ((Number) value).longValue();
	}

	@Test
	protected void everyRowIsAcceptedOrRefusedOnceAndNoGoodRowIsRefused() {
		Played played = playground().tryRows();

		assertThat(number(played, "accepted") + number(played, "refused")).isEqualTo(ROWS);
		assertThat(number(played, "badRowsRefused") + number(played, "badRowsAccepted")).isEqualTo(BAD_ROWS);
		assertThat(number(played, "refused")).as("only bad rows are refused")
			.isEqualTo(number(played, "badRowsRefused"));
	}

	@Test
	protected void eachRefusalIsARefusedStepAndADuplicateIdIsAlwaysRefused() {
		Played played = playground().tryRows();

		long refusedSteps = played.steps()
			.stream()
			.filter((step) -> step.outcome() == DemoStep.Outcome.REFUSED)
			.count();
		assertThat(refusedSteps).isEqualTo(number(played, "refused"));
		assertThat(number(played, "badRowsRefused")).as("the duplicate primary key").isGreaterThanOrEqualTo(1);
	}

	@Test
	protected void aRunStartsFromEmptyDemoDataSoItRepeatsExactly() {
		Map<String, Object> first = counts(playground().tryRows());

		assertThat(counts(playground().tryRows())).isEqualTo(first);
	}

	private static Map<String, Object> counts(Played played) {
		return Map.of("accepted", number(played, "accepted"), "refused", number(played, "refused"), "badRowsRefused",
				number(played, "badRowsRefused"));
	}

}
