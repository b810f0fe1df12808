package io.polyglot.domain.social;

import io.polyglot.domain.shared.Page;
import io.polyglot.domain.shared.PageRequest;

/**
 * Every person of a social graph, ordered by id, one page at a time (keyset on the id):
 * what moving the graph to another store reads.
 */
public interface PeopleListing {

	Page<Person> people(PageRequest page);

}
