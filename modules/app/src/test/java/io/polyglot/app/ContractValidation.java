package io.polyglot.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
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
 * <p>
 * The {@code RestTestClient} of every test context gets this as an interceptor
 * ({@link ContractValidationContextCustomizerFactory}); tests that need another client
 * (timeouts of their own, concurrent calls, bytes no client library sends) pass what they
 * received to {@link #check(java.net.http.HttpResponse)} or
 * {@link #checkRaw(String, String, String)}. Requests Tomcat refuses before any operation
 * is chosen (a header over the limit, a NUL in a header) are the same for every path, so
 * no operation lists them: {@link #checkRefusedBeforeRouting(String)} checks that they
 * are a problem+json body of the document's {@code Problem} schema.
 */
public final class ContractValidation implements ClientHttpRequestInterceptor {

	static final Path DOCUMENT = Path.of("..", "..", "docs", "openapi.json");

	private static final AtomicInteger VALIDATED = new AtomicInteger();

	/** Keys of messages about the request or about paths the document does not have. */
	private static final Set<String> IGNORED = Set.of("validation.response.path.missing",
			"validation.request.path.missing", "validation.response.operation.notAllowed",
			"validation.request.operation.notAllowed");

	private static volatile @Nullable OpenApiInteractionValidator validator;

	private static volatile @Nullable SchemaValidator schemas;

	/** Of the checked responses, those refused before routing (Problem schema only). */
	private static final AtomicInteger REFUSED = new AtomicInteger();

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
				String line = "Contract validation: " + checked + " responses checked against docs/openapi.json ("
						+ REFUSED.get() + " of them refused by Tomcat before routing, checked against the Problem "
						+ "schema), " + skipped
						+ " not checked (outside /api/, or a path or method the document does not have)";
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
		check(request.getMethod().name(), path, response.getStatusCode().value(), response.getHeaders(), content);
		return new Buffered(response, content);
	}

	/**
	 * Checks a response received with {@code java.net.http}: its request's method and
	 * path, status, headers and body (a {@code String} or {@code byte[]} body handler).
	 * @param <T> the body type
	 * @param response what the test received
	 * @return the same response, for chaining
	 */
	public static <T> java.net.http.HttpResponse<T> check(java.net.http.HttpResponse<T> response) {
		String path = response.request().uri().getRawPath();
		if (path == null || !path.startsWith("/api/")) {
			SKIPPED.incrementAndGet();
			return response;
		}
		HttpHeaders headers = new HttpHeaders();
		response.headers().map().forEach(headers::addAll);
		Object body = response.body();
		byte[] content = (body instanceof String text) ? text.getBytes(StandardCharsets.UTF_8)
				: (body instanceof byte[] bytes) ? bytes : new byte[0];
		check(response.request().method(), path, response.statusCode(), headers, content);
		return response;
	}

	/**
	 * Checks a response read off a plain socket: the status line, the headers and the
	 * body (a chunked body is decoded, a last chunk not read yet is tolerated).
	 * @param method the request's method
	 * @param path the request's path, without the query
	 * @param raw the response as received, decoded as UTF-8
	 * @return the same text, for chaining
	 */
	public static String checkRaw(String method, String path, String raw) {
		if (!path.startsWith("/api/")) {
			SKIPPED.incrementAndGet();
			return raw;
		}
		RawResponse response = RawResponse.parse(raw);
		check(method, path, response.status(), response.headers(), response.body());
		return raw;
	}

	/**
	 * Checks a response Tomcat gave before choosing any operation (the request line or
	 * headers are refused): a 4xx {@code application/problem+json} body valid against the
	 * document's {@code Problem} schema, with the same status in the body.
	 * @param raw the response as received, decoded as UTF-8
	 * @return the same text, for chaining
	 */
	public static String checkRefusedBeforeRouting(String raw) {
		RawResponse response = RawResponse.parse(raw);
		String type = String.valueOf(response.headers().getFirst(HttpHeaders.CONTENT_TYPE));
		String body = new String(response.body(), StandardCharsets.UTF_8);
		ValidationReport report;
		synchronized (ContractValidation.class) {
			report = schemas().validate(body, new Schema<>().$ref("#/components/schemas/Problem"), "response.body");
		}
		List<String> errors = new java.util.ArrayList<>(report.getMessages()
			.stream()
			.filter((message) -> message.getLevel() == ValidationReport.Level.ERROR)
			.map((message) -> message.getKey() + ": " + message.getMessage())
			.toList());
		if (response.status() / 100 != 4) {
			errors.add("status " + response.status() + " is not a 4xx refusal");
		}
		if (!type.toLowerCase(Locale.ROOT).startsWith("application/problem+json")) {
			errors.add("Content-Type " + type + " is not application/problem+json");
		}
		if (!body.contains("\"status\":" + response.status())) {
			errors.add("the body's status is not " + response.status());
		}
		VALIDATED.incrementAndGet();
		REFUSED.incrementAndGet();
		if (!errors.isEmpty()) {
			throw new AssertionError("A refusal before routing contradicts docs/openapi.json's Problem -> "
					+ response.status() + "\n  " + String.join("\n  ", errors) + "\n  body: " + abbreviate(body));
		}
		return raw;
	}

	private static void check(String methodName, String path, int status, HttpHeaders headers, byte[] content) {
		SimpleResponse.Builder response = new SimpleResponse.Builder(status);
		headers.forEach(response::withHeader);
		if (content.length > 0) {
			response.withBody(content);
		}
		Request.Method method = Request.Method.valueOf(methodName);
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
					"Response contradicts docs/openapi.json: " + method + " " + path + " -> " + status + "\n"
							+ errors.stream()
								.map((message) -> "  " + message.getKey() + ": " + message.getMessage())
								.collect(Collectors.joining("\n"))
							+ "\n  body: " + abbreviate(body));
		}
	}

	private static String abbreviate(String body) {
		return (body.length() > 500) ? body.substring(0, 500) + "..." : body;
	}

	private static String document() {
		try {
			return Files.readString(DOCUMENT, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("docs/openapi.json is needed to check responses", ex);
		}
	}

	private static synchronized SchemaValidator schemas() {
		SchemaValidator current = schemas;
		if (current == null) {
			ParseOptions options = new ParseOptions();
			options.setResolve(true);
			OpenAPI api = new OpenAPIV3Parser().readContents(document(), null, options).getOpenAPI();
			current = new SchemaValidator(api, new MessageResolver());
			schemas = current;
		}
		return current;
	}

	private static OpenApiInteractionValidator validator() {
		OpenApiInteractionValidator current = validator;
		if (current == null) {
			synchronized (ContractValidation.class) {
				current = validator;
				if (current == null) {
					current = OpenApiInteractionValidator.createForInlineApiSpecification(document()).build();
					validator = current;
				}
			}
		}
		return current;
	}

	/** A response as read off a socket: status line, headers, body. */
	private record RawResponse(int status, HttpHeaders headers, byte[] body) {

		static RawResponse parse(String raw) {
			int split = raw.indexOf("\r\n\r\n");
			if (!raw.startsWith("HTTP/1.1 ") || split < 0) {
				throw new AssertionError("Not an HTTP/1.1 response: " + abbreviate(raw));
			}
			String[] lines = raw.substring(0, split).split("\r\n");
			int status = Integer.parseInt(lines[0].substring(9, 12));
			HttpHeaders headers = new HttpHeaders();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				headers.add(lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim());
			}
			String body = raw.substring(split + 4);
			if ("chunked".equalsIgnoreCase(headers.getFirst(HttpHeaders.TRANSFER_ENCODING))) {
				body = dechunk(body);
			}
			return new RawResponse(status, headers, body.getBytes(StandardCharsets.UTF_8));
		}

		/** The chunks' data (sizes count bytes; the bodies here are ASCII JSON). */
		private static String dechunk(String chunked) {
			StringBuilder data = new StringBuilder();
			int at = 0;
			while (at < chunked.length()) {
				int end = chunked.indexOf("\r\n", at);
				if (end < 0) {
					break;
				}
				int size = Integer.parseInt(chunked.substring(at, end).split(";")[0].trim(), 16);
				if (size == 0) {
					break;
				}
				int start = end + 2;
				data.append(chunked, start, Math.min(chunked.length(), start + size));
				at = start + size + 2;
			}
			return data.toString();
		}

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
