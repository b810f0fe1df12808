package io.polyglot.adapter.postgres;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** Spring Data access to {@code accounts}. */
interface AccountRepository extends JpaRepository<AccountEntity, UUID> {

	Optional<AccountEntity> findByCustomerId(UUID customerId);

}
