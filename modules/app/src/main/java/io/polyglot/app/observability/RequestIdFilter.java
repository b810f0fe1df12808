package io.polyglot.app.observability;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import io.polyglot.app.problem.RequestId;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id before anything else runs: the client's (or its proxy's)
 * {@code X-Request-Id} when it is a sane token, a fresh UUID otherwise. The id is
 * returned as a header and put in the MDC for the whole request, the error dispatch
 * included too.
 */
public final class RequestIdFilter extends OncePerRequestFilter {

	/** A client-chosen id is kept only if it is short and plain: it ends up in logs. */
	private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

	private static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String id = (request.getAttribute(ATTRIBUTE) instanceof String known) ? known
				: accepted(request.getHeader(RequestId.HEADER));
		request.setAttribute(ATTRIBUTE, id);
		response.setHeader(RequestId.HEADER, id);
		String previous = MDC.get(RequestId.MDC_KEY);
		MDC.put(RequestId.MDC_KEY, id);
		try {
			chain.doFilter(request, response);
		}
		finally {
			if (previous != null) {
				MDC.put(RequestId.MDC_KEY, previous);
			}
			else {
				MDC.remove(RequestId.MDC_KEY);
			}
		}
	}

	/**
	 * The error page dispatch logs and answers problems too: it keeps the request's id.
	 */
	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	static String accepted(@Nullable String header) {
		return (header != null && ACCEPTED.matcher(header).matches()) ? header : UUID.randomUUID().toString();
	}

}
