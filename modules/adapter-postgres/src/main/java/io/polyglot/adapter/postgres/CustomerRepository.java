package io.polyglot.adapter.postgres;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Spring Data access to {@code customers}. */
interface CustomerRepository extends JpaRepository<CustomerEntity, UUID> {

	/** Served by the unique index on {@code lower(username)}. */
	@Query("select c from CustomerEntity c where lower(c.username) = :normalized")
	Optional<CustomerEntity> findByNormalizedUsername(@Param("normalized") String normalized);

}
