/**
 * Customers and their wallet accounts: registration, credentials, roles. PostgreSQL is
 * the system of record.
 */
@NullMarked
package io.polyglot.domain.account;

import org.jspecify.annotations.NullMarked;
