package io.polyglot.app.observability;

import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.polyglot.app.problem.RequestId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every log line written while a request is served carries its id, and the id is the one
 * the response returns.
 */
class RequestIdFilterTest {

	private final Logger logger = (Logger) LoggerFactory.getLogger("request-id-test");

	private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

	@BeforeEach
	void capture() {
		this.lines.start();
		this.logger.addAppender(this.lines);
	}

	@AfterEach
	void release() {
		this.logger.detachAppender(this.lines);
	}

	@Test
	void aLineLoggedDuringTheRequestCarriesTheIdTheResponseReturns() throws Exception {
		MockHttpServletResponse response = serve(new MockHttpServletRequest("GET", "/api/v1/me"));

		String id = response.getHeader(RequestId.HEADER);
		assertThat(id).matches("[0-9a-f-]{36}");
		assertThat(this.lines.list).singleElement()
			.satisfies((line) -> assertThat(line.getMDCPropertyMap()).containsEntry(RequestId.MDC_KEY, id));
		assertThat(MDC.get(RequestId.MDC_KEY)).as("cleared after the request").isNull();
	}

	@Test
	void aPlainClientIdIsKept() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/me");
		request.addHeader(RequestId.HEADER, "proxy-7f3a.42");

		assertThat(serve(request).getHeader(RequestId.HEADER)).isEqualTo("proxy-7f3a.42");
		assertThat(this.lines.list.get(0).getMDCPropertyMap()).containsEntry(RequestId.MDC_KEY, "proxy-7f3a.42");
	}

	@Test
	void aHostileOrOversizedClientIdIsReplaced() throws Exception {
		List<String> hostile = new ArrayList<>(List.of("a b", "line\nbreak", "<script>", "x".repeat(65), ""));
		for (String header : hostile) {
			MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/me");
			request.addHeader(RequestId.HEADER, header);
			assertThat(serve(request).getHeader(RequestId.HEADER)).as(header).matches("[0-9a-f-]{36}");
		}
	}

	private MockHttpServletResponse serve(MockHttpServletRequest request) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		new RequestIdFilter().doFilter(request, response, new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
			@Override
			protected void service(jakarta.servlet.http.HttpServletRequest req,
					jakarta.servlet.http.HttpServletResponse res) {
				RequestIdFilterTest.this.logger.info("serving {}", req.getRequestURI());
			}
		}));
		return response;
	}

}
