package io.polyglot.adapter.postgres;

import java.util.UUID;

import org.springframework.data.repository.Repository;

/**
 * Spring Data access to {@code accounts}, exposing only what the adapter uses.
 */
interface AccountRepository extends Repository<AccountEntity, UUID> {

	AccountEntity save(AccountEntity account);

	/**
	 * Sends pending inserts now, so that a constraint violation surfaces in the call that
	 * caused it rather than at commit.
	 */
	void flush();

}
