package io.polyglot.app.security;

import io.polyglot.app.problem.ProblemWriter;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemHandlersTest {

	private final ProblemWriter problems = new ProblemWriter(JsonMapper.builder().build());

	private final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/orders");

	private final MockHttpServletResponse response = new MockHttpServletResponse();

	@Test
	void aMissingSessionIs401ProblemJsonWithABearerChallenge() throws Exception {
		new ProblemAuthenticationEntryPoint(this.problems).commence(this.request, this.response,
				new InsufficientAuthenticationException("anonymous"));

		assertThat(this.response.getStatus()).isEqualTo(401);
		assertThat(this.response.getHeader("WWW-Authenticate")).isEqualTo("Bearer");
		assertThat(this.response.getContentType()).startsWith("application/problem+json");
		assertThat(this.response.getContentAsString()).contains("\"status\":401")
			.contains("\"instance\":\"/api/v1/orders\"");
	}

	@Test
	void aBadTokenIs401WithTheInvalidTokenError() throws Exception {
		new ProblemAuthenticationEntryPoint(this.problems).commence(this.request, this.response,
				new InvalidBearerTokenException("bad"));

		assertThat(this.response.getHeader("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
		assertThat(this.response.getContentAsString()).contains("invalid-token");
	}

	@Test
	void aMissingRoleIs403ProblemJson() throws Exception {
		new ProblemAccessDeniedHandler(this.problems).handle(this.request, this.response,
				new AccessDeniedException("no"));

		assertThat(this.response.getStatus()).isEqualTo(403);
		assertThat(this.response.getContentType()).startsWith("application/problem+json");
		assertThat(this.response.getContentAsString()).contains("\"status\":403").contains("forbidden");
	}

}
