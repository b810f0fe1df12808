package io.polyglot.adapter.postgres;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * Spring Data access to {@code customers}, exposing only what the adapter uses.
 */
interface CustomerRepository extends Repository<CustomerEntity, UUID> {

	CustomerEntity save(CustomerEntity customer);

	Optional<CustomerEntity> findById(UUID id);

	/**
	 * Compares {@code lower(username)} so that PostgreSQL can answer from the unique
	 * index {@code customers_username_key}.
	 */
	@Query("select c from CustomerEntity c where lower(c.username) = ?1")
	Optional<CustomerEntity> findByNormalizedUsername(String normalizedUsername);

}
