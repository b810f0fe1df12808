package io.polyglot.app.web;

import io.polyglot.app.security.SessionPrincipal;
import io.polyglot.domain.session.EndAllSessions;
import io.polyglot.domain.session.EndSession;
import io.polyglot.domain.session.ListSessions;
import io.polyglot.domain.session.StartSession;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Login, the caller's session list, and logout of one or all sessions. */
@RestController
@RequestMapping("/api/v1/sessions")
public class SessionsController {

	private final StartSession startSession;

	private final ListSessions listSessions;

	private final EndSession endSession;

	private final EndAllSessions endAllSessions;

	public SessionsController(StartSession startSession, ListSessions listSessions, EndSession endSession,
			EndAllSessions endAllSessions) {
		this.startSession = startSession;
		this.listSessions = listSessions;
		this.endSession = endSession;
		this.endAllSessions = endAllSessions;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<SessionCreatedResponse> start(@RequestBody StartSessionRequest request, HttpServletRequest http) {
		// the TCP peer, not X-Forwarded-For: that header is whatever the client wrote,
		// and trusting it would let anyone pick a fresh address per guess. Behind a
		// trusted proxy, set server.forward-headers-strategy so the container rewrites
		// the peer.
		StartSession.StartedSession started = this.startSession
			.start(StartSession.Credentials.parse(request.username(), request.password()), http.getRemoteAddr());
		return ResponseEntity.status(HttpStatus.CREATED)
			// a bearer token must not be kept by any cache on the way
			.cacheControl(CacheControl.noStore())
			.body(new SessionCreatedResponse(started.token().value(), started.expiresAt()));
	}

	@GetMapping
	SessionListResponse list(@AuthenticationPrincipal SessionPrincipal caller) {
		return new SessionListResponse(this.listSessions.list(caller.customerId())
			.stream()
			.map((session) -> new SessionListResponse.Item(session.id(), session.createdAt(), session.lastSeenAt(),
					session.id().equals(caller.sessionId())))
			.toList());
	}

	@DeleteMapping("/current")
	ResponseEntity<Void> endCurrent(@AuthenticationPrincipal SessionPrincipal caller) {
		this.endSession.end(caller.tokenHash(), caller.customerId(), caller.sessionId());
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping
	ResponseEntity<Void> endAll(@AuthenticationPrincipal SessionPrincipal caller) {
		this.endAllSessions.endAll(caller.customerId());
		return ResponseEntity.noContent().build();
	}

}
