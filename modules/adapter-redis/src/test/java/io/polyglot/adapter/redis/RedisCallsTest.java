package io.polyglot.adapter.redis;

import io.lettuce.core.RedisBusyException;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisLoadingException;
import io.polyglot.domain.shared.StoreUnavailableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.data.redis.RedisSystemException;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Which failures are Redis being unavailable (503 on the session endpoints only) and
 * which are ours (500). The replies are the ones Redis sends; StoreFaultsIT meets
 * {@code LOADING} for real after a kill -9, while the restarted Redis reads its append
 * only file back.
 */
class RedisCallsTest {

	@Test
	void aRestartedRedisStillLoadingItsDataIsUnavailable() {
		assertUnavailable(new RedisLoadingException("LOADING Redis is loading the dataset in memory"));
	}

	@Test
	void aRedisBusyWithAScriptIsUnavailable() {
		assertUnavailable(new RedisBusyException(
				"BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE."));
	}

	@ParameterizedTest
	@ValueSource(strings = { "CLUSTERDOWN The cluster is down", "TRYAGAIN Multiple keys request during rehashing",
			"MASTERDOWN Link with MASTER is down and replica-serve-stale-data is set to 'no'.",
			"READONLY You can't write against a read only replica." })
	void aClusterOrReplicaInTheMiddleOfAFailoverIsUnavailable(String reply) {
		assertUnavailable(new RedisCommandExecutionException(reply));
	}

	@Test
	void aBrokenConnectionIsUnavailable() {
		assertUnavailable(new RedisException("Connection closed"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "WRONGTYPE Operation against a key holding the wrong kind of value",
			"ERR user_script:1: Script attempted to access nonexistent global variable 'x'",
			"NOSCRIPT No matching script" })
	void anErrorInWhatWeAskedIsOursNotAnOutage(String reply) {
		RedisSystemException error = new RedisSystemException("Error in execution",
				new RedisCommandExecutionException(reply));
		assertThatExceptionOfType(RedisSystemException.class).isThrownBy(() -> RedisCalls.call(() -> {
			throw error;
		}));
	}

	private static void assertUnavailable(RedisException cause) {
		RedisSystemException error = new RedisSystemException("Error in execution", cause);
		assertThatExceptionOfType(StoreUnavailableException.class).isThrownBy(() -> RedisCalls.call(() -> {
			throw error;
		})).withMessageContaining("Redis is unavailable");
	}

}
