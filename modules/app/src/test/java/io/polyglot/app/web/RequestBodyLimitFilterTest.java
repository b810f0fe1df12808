package io.polyglot.app.web;

import java.io.IOException;

import io.polyglot.app.problem.ProblemWriter;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RequestBodyLimitFilterTest {

	private final RequestBodyLimitFilter filter = new RequestBodyLimitFilter(1024,
			new ProblemWriter(JsonMapper.builder().build()));

	@Test
	void aDeclaredLengthOverTheLimitIsRefusedWithoutReadingOrCallingTheChain() throws Exception {
		MockHttpServletRequest request = withDeclaredLength(10 * 1024 * 1024);
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();

		this.filter.doFilter(request, response, chain);

		assertThat(chain.getRequest()).isNull();
		assertThat(response.getStatus()).isEqualTo(413);
		assertThat(response.getHeader("Connection")).isEqualTo("close");
		assertThat(response.getContentType()).startsWith("application/problem+json");
		assertThat(response.getContentAsString()).contains("\"status\":413");
	}

	@Test
	void aBodyOfUndeclaredLengthFailsOnceItPassesTheLimit() throws Exception {
		MockHttpServletRequest request = withDeclaredLength(-1);
		request.setContent(new byte[4096]);
		MockFilterChain chain = new MockFilterChain();

		this.filter.doFilter(request, new MockHttpServletResponse(), chain);

		assertThatExceptionOfType(RequestBodyTooLargeException.class)
			.isThrownBy(() -> chain.getRequest().getInputStream().readAllBytes())
			.satisfies((ex) -> assertThat(ex.limit()).isEqualTo(1024));
	}

	@Test
	void aBodyWithinTheLimitPassesUntouched() throws IOException, jakarta.servlet.ServletException {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/customers");
		request.setContent(new byte[512]);
		MockFilterChain chain = new MockFilterChain();

		this.filter.doFilter(request, new MockHttpServletResponse(), chain);

		assertThat(chain.getRequest().getInputStream().readAllBytes()).hasSize(512);
	}

	private static MockHttpServletRequest withDeclaredLength(long length) {
		return new MockHttpServletRequest("POST", "/api/v1/customers") {

			@Override
			public long getContentLengthLong() {
				return length;
			}

		};
	}

}
