package io.polyglot.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.util.StreamUtils;

/**
 * Checks every response the end-to-end tests receive against the published contract,
 * {@code docs/openapi.json}: status documented for the operation, headers, body against
 * the schema (problem+json included). A response that contradicts the document fails the
 * test that received it. Requests are not checked (bad-input tests send invalid ones on
 * purpose), nor paths outside {@code /api/} (actuator, the document itself) or not in the
 * document (the tests of unknown paths).
 */
public final class ContractValidation implements ClientHttpRequestInterceptor {

	static final Path DOCUMENT = Path.of("..", "..", "docs", "openapi.json");

	private static final AtomicInteger VALIDATED = new AtomicInteger();

	/** Keys of messages about the request or about paths the document does not have. */
	private static final Set<String> IGNORED = Set.of("validation.response.path.missing",
			"validation.request.path.missing", "validation.response.operation.notAllowed",
			"validation.request.operation.notAllowed");

	private static volatile @Nullable OpenApiInteractionValidator validator;

	/**
	 * Responses not checked: outside {@code /api/}, or a path or method the document
	 * lacks.
	 */
	private static final AtomicInteger SKIPPED = new AtomicInteger();

	static {
		// one line per test JVM, for the build log and target/contract-validation.txt
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			int checked = VALIDATED.get();
			int skipped = SKIPPED.get();
			if (checked + skipped > 0) {
				String line = "Contract validation: " + checked + " responses checked against docs/openapi.json, "
						+ skipped + " not checked (outside /api/, or a path or method the document does not have)";
				System.out.println(line);
				try {
					Files.createDirectories(Path.of("target"));
					Files.writeString(Path.of("target", "contract-validation.txt"), line + "\n",
							StandardCharsets.UTF_8);
				}
				catch (IOException ex) {
					// the count is printed above
				}
			}
		}));
	}

	/** Responses checked so far in this JVM. */
	public static int validated() {
		return VALIDATED.get();
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		ClientHttpResponse response = execution.execute(request, body);
		String path = request.getURI().getRawPath();
		if (path == null || !path.startsWith("/api/")) {
			SKIPPED.incrementAndGet();
			return response;
		}
		byte[] content = StreamUtils.copyToByteArray(response.getBody());
		check(request, path, response.getStatusCode(), response.getHeaders(), content);
		return new Buffered(response, content);
	}

	private static void check(HttpRequest request, String path, HttpStatusCode status, HttpHeaders headers,
			byte[] content) {
		SimpleResponse.Builder response = new SimpleResponse.Builder(status.value());
		headers.forEach(response::withHeader);
		if (content.length > 0) {
			response.withBody(content);
		}
		Request.Method method = Request.Method.valueOf(request.getMethod().name());
		ValidationReport report = validator().validateResponse(path, method, response.build());
		List<ValidationReport.Message> errors = report.getMessages()
			.stream()
			.filter((message) -> message.getLevel() == ValidationReport.Level.ERROR)
			.filter((message) -> !IGNORED.contains(message.getKey()))
			.toList();
		if (report.getMessages().stream().anyMatch((message) -> IGNORED.contains(message.getKey()))) {
			SKIPPED.incrementAndGet();
			return;
		}
		VALIDATED.incrementAndGet();
		if (!errors.isEmpty()) {
			String body = new String(content, StandardCharsets.UTF_8);
			throw new AssertionError(
					"Response contradicts docs/openapi.json: " + method + " " + path + " -> " + status.value() + "\n"
							+ errors.stream()
								.map((message) -> "  " + message.getKey() + ": " + message.getMessage())
								.collect(Collectors.joining("\n"))
							+ "\n  body: " + ((body.length() > 500) ? body.substring(0, 500) + "..." : body));
		}
	}

	private static OpenApiInteractionValidator validator() {
		OpenApiInteractionValidator current = validator;
		if (current == null) {
			synchronized (ContractValidation.class) {
				current = validator;
				if (current == null) {
					try {
						current = OpenApiInteractionValidator
							.createForInlineApiSpecification(Files.readString(DOCUMENT, StandardCharsets.UTF_8))
							.build();
					}
					catch (IOException ex) {
						throw new UncheckedIOException("docs/openapi.json is needed to check responses", ex);
					}
					validator = current;
				}
			}
		}
		return current;
	}

	/** The response with its body read once and kept, so the test can read it again. */
	private static final class Buffered implements ClientHttpResponse {

		private final ClientHttpResponse response;

		private final byte[] content;

		Buffered(ClientHttpResponse response, byte[] content) {
			this.response = response;
			this.content = content;
		}

		@Override
		public HttpStatusCode getStatusCode() throws IOException {
			return this.response.getStatusCode();
		}

		@Override
		public String getStatusText() throws IOException {
			return this.response.getStatusText();
		}

		@Override
		public HttpHeaders getHeaders() {
			return this.response.getHeaders();
		}

		@Override
		public InputStream getBody() {
			return new java.io.ByteArrayInputStream(this.content);
		}

		@Override
		public void close() {
			this.response.close();
		}

	}

}
