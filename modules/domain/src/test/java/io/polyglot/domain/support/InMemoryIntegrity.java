package io.polyglot.domain.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.polyglot.domain.demo.DemoShop;
import io.polyglot.domain.demo.DemoStep;
import io.polyglot.domain.demo.IntegrityPlayground;
import io.polyglot.domain.demo.Played;

/**
 * Demo 1's rows in maps that check every rule a relational schema declares: unique
 * customer id and email, an order's customer exists, a total is not negative.
 */
public final class InMemoryIntegrity implements IntegrityPlayground {

	@Override
	public String store() {
		return "memory";
	}

	@Override
	public Played tryRows() {
		Map<Integer, String> customers = new HashMap<>();
		Set<String> emails = new HashSet<>();
		Set<Integer> orders = new HashSet<>();
		List<DemoStep> steps = new ArrayList<>();
		long accepted = 0;
		long badRefused = 0;
		for (DemoShop.Attempt attempt : DemoShop.INTEGRITY_ATTEMPTS) {
			String refusal = refusal(attempt, customers, emails, orders);
			if (refusal == null) {
				accepted++;
				if (attempt.isCustomer()) {
					customers.put(attempt.id(), attempt.email());
					emails.add(attempt.email());
				}
				else {
					orders.add(attempt.id());
				}
			}
			else if (attempt.bad()) {
				badRefused++;
			}
			steps.add(new DemoStep(store(), "insert " + attempt.kind() + " " + attempt.id(), Map.of(),
					(refusal == null) ? DemoStep.Outcome.OK : DemoStep.Outcome.REFUSED,
					(refusal == null) ? "inserted" : refusal, 0));
		}
		long bad = DemoShop.INTEGRITY_ATTEMPTS.stream().filter(DemoShop.Attempt::bad).count();
		return new Played(steps, Map.of("accepted", accepted, "refused", DemoShop.INTEGRITY_ATTEMPTS.size() - accepted,
				"badRowsRefused", badRefused, "badRowsAccepted", bad - badRefused));
	}

	private static String refusal(DemoShop.Attempt attempt, Map<Integer, String> customers, Set<String> emails,
			Set<Integer> orders) {
		if (attempt.isCustomer()) {
			if (customers.containsKey(attempt.id())) {
				return "duplicate id";
			}
			return emails.contains(attempt.email()) ? "duplicate email" : null;
		}
		if (orders.contains(attempt.id())) {
			return "duplicate id";
		}
		if (!customers.containsKey(attempt.customerId())) {
			return "no such customer";
		}
		return (attempt.total().signum() < 0) ? "negative total" : null;
	}

	@Override
	public void reset() {
		// every run starts from empty maps
	}

}
