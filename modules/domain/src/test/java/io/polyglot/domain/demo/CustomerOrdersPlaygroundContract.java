package io.polyglot.domain.demo;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link CustomerOrdersPlayground} must do, run against the in-memory fake and
 * each real store, on the generated demo shop. How a store reads the customer (a JOIN or
 * one document) and how many copies a rename writes is what the demo contrasts, so the
 * contract holds what they share: the customer comes with every order of theirs, an
 * unknown email with none, and a rename writes at least one copy of the name.
 */
public abstract class CustomerOrdersPlaygroundContract {

	protected abstract CustomerOrdersPlayground playground();

	private static long number(Played played, String finding) {
		Object value = played.findings().get(finding);
		assertThat(value).as(finding).isInstanceOf(Number.class);
		return ((Number) value).longValue();
	}

	@Test
	protected void aCustomerIsReadWithEveryOrderOfTheirs() {
		Played played = playground().readCustomer(DemoShop.ANA_EMAIL);

		assertThat(number(played, "orders")).isEqualTo(DemoShop.ordersOf(DemoShop.ANA_ID).size());
		assertThat(played.steps()).isNotEmpty();
	}

	@Test
	protected void anUnknownEmailReadsNoOrders() {
		assertThat(number(playground().readCustomer("nobody-" + UUID.randomUUID() + "@example.com"), "orders"))
			.isZero();
	}

	@Test
	protected void aRenameWritesAtLeastOneCopyOfTheName() {
		Played played = playground().renameProduct(DemoShop.RENAMED_SKU, "Renamed " + UUID.randomUUID());

		assertThat(number(played, "copiesUpdated")).isPositive();
	}

}
