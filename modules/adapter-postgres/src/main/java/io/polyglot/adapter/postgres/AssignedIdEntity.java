package io.polyglot.adapter.postgres;

import java.util.UUID;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;

import org.springframework.data.domain.Persistable;

/**
 * Base of entities whose UUID is assigned by the domain before the insert. Spring Data
 * cannot tell such a new row from its id, so without this flag {@code save()} would merge
 * (an extra SELECT) instead of persist.
 */
@MappedSuperclass
abstract class AssignedIdEntity implements Persistable<UUID> {

	@Transient
	private boolean isNew = true;

	@Override
	public boolean isNew() {
		return this.isNew;
	}

	@PostLoad
	@PostPersist
	void markStored() {
		this.isNew = false;
	}

}
