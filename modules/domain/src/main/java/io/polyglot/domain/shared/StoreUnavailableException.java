package io.polyglot.domain.shared;

/**
 * The store behind a concern cannot be reached; only that concern fails (503), the rest
 * keeps serving.
 */
public final class StoreUnavailableException extends DomainException {

	private final String store;

	public StoreUnavailableException(String store, String message, Throwable cause) {
		super(message, cause);
		this.store = store;
	}

	/**
	 * The store that failed, as named in health: postgres, mongodb, redis, cassandra or
	 * neo4j, for example.
	 */
	public String store() {
		return this.store;
	}

}
