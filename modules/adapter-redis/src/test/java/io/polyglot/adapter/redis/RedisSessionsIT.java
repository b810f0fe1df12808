package io.polyglot.adapter.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import io.polyglot.domain.session.SessionToken;
import io.polyglot.domain.session.Sessions;
import io.polyglot.domain.session.SessionsContract;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.localstores.SharedTestStores;
import io.polyglot.localstores.SpringConnectionProperties;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.connection.DataType;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session contract against a real local Redis, plus what only Redis shows: the key
 * layout, TTLs that end sessions on their own, an index that cleans itself, and no token
 * anywhere in the store.
 */
@SpringBootTest(classes = RedisSessionsIT.Config.class)
class RedisSessionsIT extends SessionsContract {

	@DynamicPropertySource
	static void redis(DynamicPropertyRegistry registry) {
		SpringConnectionProperties.of(SharedTestStores.get("redis"))
			.forEach((name, value) -> registry.add(name, () -> value));
	}

	@Autowired
	Sessions sessions;

	@Autowired
	StringRedisTemplate redis;

	@Override
	protected Sessions sessions() {
		return this.sessions;
	}

	@Test
	void sessionIsAHashUnderItsTokenHashExpiringAfterTheIdleTimeout() {
		CustomerId customer = CustomerId.random();
		String tokenHash = open(customer, Duration.ofSeconds(30), LONG);
		String key = RedisSessions.sessionKey(customer.toString(), tokenHash);

		assertThat(key).isEqualTo("polyglot:session:{" + customer + "}:" + tokenHash);
		assertThat(this.redis.type(key)).isEqualTo(DataType.HASH);
		assertThat(this.redis.<String, String>opsForHash().entries(key)).containsOnlyKeys("id", "customerId", "roles",
				"createdAt", "lastSeenAt", "absoluteExpiry", "absoluteExpiryMs");
		assertThat(pttl(key)).isPositive().isLessThanOrEqualTo(30_000);

		String index = RedisSessions.indexKey(customer.toString());
		assertThat(index).isEqualTo("polyglot:customer-sessions:{" + customer + "}");
		assertThat(this.redis.type(index)).isEqualTo(DataType.ZSET);
		assertThat(this.redis.opsForZSet().score(index, tokenHash)).isNotNull();

		// the pointer from token hash to customer lives until the absolute expiry
		String owner = RedisSessions.ownerKey(tokenHash);
		assertThat(owner).isEqualTo("polyglot:session-owner:" + tokenHash);
		assertThat(this.redis.opsForValue().get(owner)).isEqualTo(customer.toString());
		assertThat(pttl(owner)).isGreaterThan(pttl(key));
	}

	@Test
	void ttlNeverReachesPastTheAbsoluteExpiry() {
		CustomerId customer = CustomerId.random();
		String tokenHash = open(customer, Duration.ofSeconds(30), Duration.ofSeconds(5));
		String key = RedisSessions.sessionKey(customer.toString(), tokenHash);
		assertThat(pttl(key)).isPositive().isLessThanOrEqualTo(5_000);

		this.sessions.touch(tokenHash, Instant.now(), Duration.ofSeconds(30));
		assertThat(pttl(key)).isPositive().isLessThanOrEqualTo(5_000);
	}

	@Test
	void touchSlidesTheTtlAndTheIndexScore() {
		CustomerId customer = CustomerId.random();
		String tokenHash = open(customer, Duration.ofSeconds(3), LONG);
		String key = RedisSessions.sessionKey(customer.toString(), tokenHash);
		String index = RedisSessions.indexKey(customer.toString());
		double scoreBefore = Objects.requireNonNull(this.redis.opsForZSet().score(index, tokenHash));

		eventually().until(() -> pttl(key) < 2_000);
		assertThat(this.sessions.touch(tokenHash, Instant.now(), Duration.ofSeconds(3))).isPresent();

		assertThat(pttl(key)).as("TTL after touching").isGreaterThan(2_000);
		assertThat(this.redis.opsForZSet().score(index, tokenHash)).isGreaterThan(scoreBefore);
	}

	@Test
	void indexIsCleanedOfExpiredEntriesWhenListed() {
		CustomerId customer = CustomerId.random();
		List<String> expiring = List.of(open(customer, Duration.ofSeconds(1), LONG),
				open(customer, Duration.ofSeconds(1), LONG));
		open(customer, Duration.ofMinutes(30), LONG);
		String index = RedisSessions.indexKey(customer.toString());

		// Redis ends the sessions by TTL alone; the index entries remain until listed
		eventually().until(() -> expiring.stream()
			.noneMatch((tokenHash) -> exists(RedisSessions.sessionKey(customer.toString(), tokenHash))));
		assertThat(this.redis.opsForZSet().zCard(index)).isEqualTo(3);

		assertThat(this.sessions.list(customer, Instant.now())).hasSize(1);
		assertThat(this.redis.opsForZSet().zCard(index)).isEqualTo(1);
	}

	@Test
	void indexDisappearsWithTheCustomersLastSession() {
		CustomerId customer = CustomerId.random();
		String shortLived = open(customer, Duration.ofSeconds(1), LONG);
		String longer = open(customer, Duration.ofSeconds(30), LONG);
		String index = RedisSessions.indexKey(customer.toString());

		// the index always expires, and never before the latest of its sessions
		assertThat(pttl(index)).isGreaterThanOrEqualTo(pttl(RedisSessions.sessionKey(customer.toString(), longer)))
			.isLessThanOrEqualTo(30_000 + RedisSessions.INDEX_GRACE.toMillis());

		this.sessions.revoke(longer);
		eventually().until(() -> !exists(RedisSessions.sessionKey(customer.toString(), shortLived)));
		assertThat(this.sessions.list(customer, Instant.now())).isEmpty();
		assertThat(exists(index)).isFalse();
	}

	@Test
	void revokeAllLeavesNoKeyOfTheCustomerBehind() {
		CustomerId customer = CustomerId.random();
		List<String> tokenHashes = List.of(open(customer, Duration.ofMinutes(30), LONG),
				open(customer, Duration.ofMinutes(30), LONG));

		this.sessions.revokeAll(customer);

		assertThat(exists(RedisSessions.indexKey(customer.toString()))).isFalse();
		for (String tokenHash : tokenHashes) {
			assertThat(exists(RedisSessions.sessionKey(customer.toString(), tokenHash))).isFalse();
			assertThat(exists(RedisSessions.ownerKey(tokenHash))).isFalse();
		}
	}

	@Test
	void aSessionEndedThroughAnotherInstanceIsGoneHereToo() {
		// each service instance keeps the owner pointers it has read; ending a session
		// elsewhere must still end it here, on the next request
		RedisSessions here = new RedisSessions(this.redis);
		RedisSessions elsewhere = new RedisSessions(this.redis);
		CustomerId customer = CustomerId.random();
		SessionToken revoked = SessionToken.generate();
		SessionToken revokedWithAll = SessionToken.generate();
		here.create(revoked.hash(), newSession(customer, Instant.now(), LONG), Duration.ofMinutes(30));
		here.create(revokedWithAll.hash(), newSession(customer, Instant.now(), LONG), Duration.ofMinutes(30));
		assertThat(here.touch(revoked.hash(), Instant.now(), Duration.ofMinutes(30))).isPresent();
		assertThat(here.touch(revokedWithAll.hash(), Instant.now(), Duration.ofMinutes(30))).isPresent();

		assertThat(elsewhere.revoke(revoked.hash())).isTrue();
		assertThat(here.touch(revoked.hash(), Instant.now(), Duration.ofMinutes(30))).isEmpty();
		assertThat(here.touch(revokedWithAll.hash(), Instant.now(), Duration.ofMinutes(30))).isPresent();

		assertThat(elsewhere.revokeAll(customer)).isEqualTo(1);
		assertThat(here.touch(revokedWithAll.hash(), Instant.now(), Duration.ofMinutes(30))).isEmpty();
		assertThat(here.list(customer, Instant.now())).isEmpty();
	}

	@Test
	void theTokenItselfIsNeverStored() {
		CustomerId customer = CustomerId.random();
		List<String> tokens = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			SessionToken token = SessionToken.generate();
			tokens.add(token.value());
			this.sessions.create(token.hash(), newSession(customer, Instant.now(), LONG), Duration.ofMinutes(30));
			this.sessions.touch(token.hash(), Instant.now(), Duration.ofMinutes(30));
		}
		this.sessions.list(customer, Instant.now());

		List<String> stored = everythingStored();
		assertThat(stored).anySatisfy((text) -> assertThat(text).contains(customer.toString()));
		for (String token : tokens) {
			assertThat(stored).noneSatisfy((text) -> assertThat(text).contains(token));
		}
	}

	private long pttl(String key) {
		return Objects.requireNonNull(this.redis.getExpire(key, TimeUnit.MILLISECONDS));
	}

	private boolean exists(String key) {
		return Boolean.TRUE.equals(this.redis.hasKey(key));
	}

	/** Every key name, and every value, field and member under it, in the whole Redis. */
	private List<String> everythingStored() {
		List<String> stored = new ArrayList<>();
		try (Cursor<String> keys = this.redis.scan(ScanOptions.scanOptions().count(1000).build())) {
			keys.forEachRemaining((key) -> {
				stored.add(key);
				DataType type = this.redis.type(key);
				if (type == DataType.STRING) {
					stored.add(String.valueOf(this.redis.opsForValue().get(key)));
				}
				else if (type == DataType.HASH) {
					for (Map.Entry<String, String> entry : this.redis.<String, String>opsForHash()
						.entries(key)
						.entrySet()) {
						stored.add(entry.getKey());
						stored.add(entry.getValue());
					}
				}
				else if (type == DataType.ZSET) {
					stored.addAll(Objects.requireNonNull(this.redis.opsForZSet().range(key, 0, -1)));
				}
				else if (type == DataType.SET) {
					stored.addAll(Objects.requireNonNull(this.redis.opsForSet().members(key)));
				}
				else if (type == DataType.LIST) {
					stored.addAll(Objects.requireNonNull(this.redis.opsForList().range(key, 0, -1)));
				}
			});
		}
		return stored;
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Config {

	}

}
