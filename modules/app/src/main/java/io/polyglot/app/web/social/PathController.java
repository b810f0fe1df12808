package io.polyglot.app.web.social;

import io.polyglot.app.security.SessionPrincipal;
import io.polyglot.app.web.social.SocialDtos.PathResponse;
import io.polyglot.domain.social.FindPath;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The shortest chain of friendships from a customer to another. Only the caller's own id
 * may start a path (administrators may start from anyone); another customer's id answers
 * 404, as an unknown one does, so paths reveal nobody else's friends.
 */
@RestController
public class PathController {

	private final FindPath findPath;

	public PathController(FindPath findPath) {
		this.findPath = findPath;
	}

	@GetMapping("/api/v1/customers/{id}/path")
	PathResponse path(@AuthenticationPrincipal SessionPrincipal caller, @PathVariable String id,
			@RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable String maxDepth) {
		return PathResponse
			.of(this.findPath.find(caller.customerId(), caller.isAdmin(), FindPath.Query.parse(id, to, maxDepth)));
	}

}
