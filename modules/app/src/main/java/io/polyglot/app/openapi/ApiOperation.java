package io.polyglot.app.openapi;

import java.util.List;

/**
 * What the document says about one operation beyond its Java signature.
 *
 * @param operationId the stable id client generators name their methods after
 * @param tag the group in Swagger UI
 * @param summary one line
 * @param access who may call it
 * @param success the success status the service answers
 * @param failures the problem statuses it really answers, besides 503 (every operation
 * touches a store) and the 401/403 its access implies
 * @param idempotent whether an {@code Idempotency-Key} header is required
 * @param createsToo whether the operation also answers 201 with the same body (a PUT that
 * created what did not exist)
 */
record ApiOperation(String operationId, String tag, String summary, Access access, int success, List<Integer> failures,
		boolean idempotent, boolean createsToo) {

	/** Who may call an operation. */
	enum Access {

		/** Anyone, no token. */
		PUBLIC,

		/** A signed-in customer (bearer token). */
		USER,

		/** An administrator's bearer token. */
		ADMIN

	}

	static ApiOperation of(String operationId, String tag, String summary, Access access, int success,
			Integer... failures) {
		return new ApiOperation(operationId, tag, summary, access, success, List.of(failures), false, false);
	}

	ApiOperation withIdempotencyKey() {
		return new ApiOperation(this.operationId, this.tag, this.summary, this.access, this.success, this.failures,
				true, this.createsToo);
	}

	ApiOperation withCreatedToo() {
		return new ApiOperation(this.operationId, this.tag, this.summary, this.access, this.success, this.failures,
				this.idempotent, true);
	}

}
