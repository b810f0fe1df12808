package io.polyglot.app.security;

import java.io.IOException;
import java.util.Optional;

import io.polyglot.app.problem.ProblemWriter;
import io.polyglot.app.problem.Problems;
import io.polyglot.domain.session.AuthenticateSession;
import io.polyglot.domain.session.Session;
import io.polyglot.domain.session.SessionToken;
import io.polyglot.domain.shared.StoreUnavailableException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>} against the session store. No
 * header leaves the request anonymous; a header that is not a live session token is
 * refused with 401 at once, on public paths too, so a client learns its token is bad
 * instead of silently acting anonymously.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

	private static final String PREFIX = "Bearer ";

	private static final Logger log = LoggerFactory.getLogger(BearerTokenFilter.class);

	private final AuthenticateSession authenticateSession;

	private final AuthenticationEntryPoint entryPoint;

	private final ProblemWriter problems;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	BearerTokenFilter(AuthenticateSession authenticateSession, AuthenticationEntryPoint entryPoint,
			ProblemWriter problems) {
		this.authenticateSession = authenticateSession;
		this.entryPoint = entryPoint;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null) {
			chain.doFilter(request, response);
			return;
		}
		String token = header.regionMatches(true, 0, PREFIX, 0, PREFIX.length()) ? header.substring(PREFIX.length())
				: null;
		// checked before any store access: a forged, truncated or oversized value never
		// reaches Redis
		if (token == null || !SessionToken.isWellFormed(token)) {
			this.entryPoint.commence(request, response,
					new InvalidBearerTokenException("The Authorization header is not a bearer session token."));
			return;
		}
		SessionToken sessionToken = SessionToken.of(token);
		Optional<Session> session;
		try {
			session = this.authenticateSession.authenticate(sessionToken);
		}
		catch (StoreUnavailableException ex) {
			// outside MVC, so the advice cannot map it: answer the same 503 it would
			log.warn("Store {} unavailable while authenticating: {}", ex.store(), ex.getMessage());
			ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable",
					"Store unavailable", "The " + ex.store() + " store is unavailable; try again later.");
			problem.setProperty("store", ex.store());
			this.problems.write(request, response, problem);
			return;
		}
		if (session.isEmpty()) {
			this.entryPoint.commence(request, response,
					new InvalidBearerTokenException("The session token is unknown, expired or revoked."));
			return;
		}
		SecurityContext context = this.contexts.createEmptyContext();
		context.setAuthentication(new SessionAuthentication(SessionPrincipal.of(session.get(), sessionToken.hash())));
		this.contexts.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			this.contexts.clearContext();
		}
	}

}
