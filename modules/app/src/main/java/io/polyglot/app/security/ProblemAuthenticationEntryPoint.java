package io.polyglot.app.security;

import java.io.IOException;

import io.polyglot.app.problem.ProblemWriter;
import io.polyglot.app.problem.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Answers 401 as problem+json with a {@code WWW-Authenticate: Bearer} challenge, never an
 * HTML page or an empty body.
 */
final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

	private final ProblemWriter problems;

	ProblemAuthenticationEntryPoint(ProblemWriter problems) {
		this.problems = problems;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		if (authException instanceof InvalidBearerTokenException) {
			// RFC 6750 section 3: the error code tells clients to log in again
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
			this.problems.write(request, response,
					Problems.of(HttpStatus.UNAUTHORIZED, "invalid-token", "Unauthorized", authException.getMessage()));
			return;
		}
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		this.problems.write(request, response, Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
				"This needs a session: send Authorization: Bearer <token> from POST /api/v1/sessions."));
	}

}
