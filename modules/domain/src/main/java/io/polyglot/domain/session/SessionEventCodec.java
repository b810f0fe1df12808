package io.polyglot.domain.session;

import java.util.Set;

import io.polyglot.domain.eventlog.EventCodec;
import io.polyglot.domain.session.SessionEvent.AllSessionsEnded;
import io.polyglot.domain.session.SessionEvent.SessionEnded;
import io.polyglot.domain.session.SessionEvent.SessionStarted;

/**
 * The stored form of {@link SessionEvent}s: ending one session and ending all of them are
 * both {@code SessionEnded}, told apart by their {@code scope}.
 */
public final class SessionEventCodec implements EventCodec<SessionEvent> {

	private static final String SESSION_STARTED = "SessionStarted";

	private static final String SESSION_ENDED = "SessionEnded";

	@Override
	public Class<SessionEvent> kind() {
		return SessionEvent.class;
	}

	@Override
	public Set<String> types() {
		return Set.of(SESSION_STARTED, SESSION_ENDED);
	}

	@Override
	public String write(SessionEvent event, PayloadWriter out) {
		if (event instanceof SessionStarted started) {
			out.put("sessionId", started.sessionId());
			return SESSION_STARTED;
		}
		if (event instanceof SessionEnded ended) {
			out.put("sessionId", ended.sessionId()).put("scope", "current");
			return SESSION_ENDED;
		}
		AllSessionsEnded all = (AllSessionsEnded) event;
		out.put("scope", "all").put("count", Integer.toString(all.count()));
		return SESSION_ENDED;
	}

	@Override
	public SessionEvent read(PayloadReader in) {
		if (SESSION_STARTED.equals(in.type())) {
			return new SessionStarted(in.owner(), in.text("sessionId"));
		}
		String scope = in.text("scope");
		if ("current".equals(scope)) {
			return new SessionEnded(in.owner(), in.text("sessionId"));
		}
		if ("all".equals(scope)) {
			return new AllSessionsEnded(in.owner(), in.integer("count"));
		}
		throw in.malformed("scope must be current or all");
	}

}
