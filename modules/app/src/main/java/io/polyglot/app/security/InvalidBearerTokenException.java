package io.polyglot.app.security;

import org.springframework.security.core.AuthenticationException;

/** A presented bearer token that is malformed, unknown, expired or revoked. */
final class InvalidBearerTokenException extends AuthenticationException {

	InvalidBearerTokenException(String message) {
		super(message);
	}

}
