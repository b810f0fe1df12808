package io.polyglot.domain.account;

/** What a customer may do: every customer is a CUSTOMER; operators are also ADMIN. */
public enum Role {

	CUSTOMER, ADMIN

}
