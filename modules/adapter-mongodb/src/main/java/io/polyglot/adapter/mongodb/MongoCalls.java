package io.polyglot.adapter.mongodb;

import java.util.function.Supplier;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoServerException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteException;
import io.polyglot.domain.shared.StoreUnavailableException;

import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Runs calls to MongoDB, turning "cannot reach MongoDB" into the domain's
 * store-unavailable error so only the catalog endpoints answer 503 while it is down.
 */
final class MongoCalls {

	/** The store's name as health and problem details spell it. */
	static final String STORE = "mongodb";

	private MongoCalls() {
	}

	static <T> T call(Supplier<T> work) {
		try {
			return work.get();
		}
		// no server selected in time, a broken socket, a server-side time limit: an
		// outage. Anything else (a bad query, a duplicate key) is ours or the caller's.
		catch (MongoTimeoutException | MongoSocketException | MongoExecutionTimeoutException
				| DataAccessResourceFailureException ex) {
			throw new StoreUnavailableException(STORE, "MongoDB is unavailable: " + ex.getMessage(), ex);
		}
	}

	static void run(Runnable work) {
		call(() -> {
			work.run();
			return null;
		});
	}

	/** Whether the failure is a unique index refusing a duplicate. */
	static boolean isDuplicateKey(RuntimeException ex) {
		if (ex instanceof MongoWriteException write) {
			return write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
		}
		if (ex instanceof MongoCommandException || ex instanceof MongoServerException) {
			return ErrorCategory.fromErrorCode(((MongoServerException) ex).getCode()) == ErrorCategory.DUPLICATE_KEY;
		}
		return false;
	}

}
