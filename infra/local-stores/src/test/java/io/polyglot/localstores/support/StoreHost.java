package io.polyglot.localstores.support;

import java.util.function.Supplier;

import io.polyglot.localstores.LocalStore;

/**
 * A throw-away parent process for orphan tests: starts one store, prints its pid, then
 * waits until it is killed. Usage:
 * {@code StoreHost <class implementing Supplier<LocalStore>>}.
 */
public final class StoreHost {

	/** Line printed before the store's pid once the store is ready. */
	static final String PID_PREFIX = "STORE-PID ";

	private StoreHost() {
	}

	@SuppressWarnings("unchecked")
	public static void main(String[] args) throws Exception {
		Supplier<LocalStore> factory = (Supplier<LocalStore>) Class.forName(args[0])
			.getDeclaredConstructor()
			.newInstance();
		LocalStore store = factory.get();
		store.start();
		System.out.println(PID_PREFIX + store.pid().orElseThrow());
		System.out.flush();
		Thread.sleep(Long.MAX_VALUE);
	}

}
