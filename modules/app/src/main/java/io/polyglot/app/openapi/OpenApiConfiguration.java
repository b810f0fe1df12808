package io.polyglot.app.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import io.polyglot.app.openapi.ApiOperation.Access;
import io.polyglot.app.problem.RequestId;
import io.polyglot.app.web.IdempotentResponses;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service's OpenAPI document ({@code /v3/api-docs}, Swagger UI at
 * {@code /swagger-ui.html}): springdoc reads paths, parameters and body records from the
 * controllers; this completes what it cannot see: the bearer scheme and which operations
 * need it, every problem status each operation really answers with the problem+json
 * schema, the {@code Idempotency-Key} header, the catalog's search filters, operation
 * ids, summaries and tags, field descriptions and examples. Published as
 * {@code docs/openapi.json}, kept equal to the served document by
 * {@code OpenApiDocumentTest}.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

	static final String BEARER = "bearerAuth";

	static final String PROBLEM = "Problem";

	static final String PROBLEM_JSON = "application/problem+json";

	@Bean
	OpenAPI polyglotOpenApi() {
		Components components = new Components()
			.addSecuritySchemes(BEARER,
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("bearer")
						.description("The session token from POST /api/v1/sessions, sent as "
								+ "`Authorization: Bearer <token>`. In Swagger UI: log in with "
								+ "\"Start a session\", copy the token, press Authorize."))
			.addSchemas(PROBLEM, problemSchema())
			.addSchemas("FieldError", fieldErrorSchema());
		ProblemResponses.ALL.forEach((status, description) -> components.addResponses(ProblemResponses.name(status),
				problemResponse(description)));
		return new OpenAPI()
			.info(new Info().title("Polyglot API")
				.version("v1")
				.description("""
						One domain, five stores: customers, wallet and orders in PostgreSQL, the catalog \
						in MongoDB, sessions in Redis, the event log in Cassandra, the social graph in \
						Neo4j.

						Errors are RFC 9457 problem details (`application/problem+json`) with `type`, \
						`title`, `status`, `detail`, `requestId` and, for validation, `errors`. Every \
						response carries `X-Request-Id`. Money is a string with two decimals. Lists are \
						paged with `limit` (1-100, default 20) and an opaque `cursor`; a page is \
						`{items, nextCursor}`. POSTs that move money or create orders need an \
						`Idempotency-Key`.""")
				.license(new License().name("Apache-2.0").url("https://www.apache.org/licenses/LICENSE-2.0")))
			.servers(List.of(new Server().url("/").description("This service")))
			.tags(Tags.ALL)
			.components(components);
	}

	@Bean
	OpenApiCustomizer polyglotContract() {
		return (openApi) -> {
			if (openApi.getPaths() == null) {
				return;
			}
			openApi.getPaths().entrySet().removeIf((path) -> !path.getKey().startsWith("/api/"));
			openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
				ApiOperation contract = Operations.find(method.name(), path);
				complete(path, operation, contract);
				inlineSchemas(operation).forEach(Schemas::anyValues);
			}));
			DemoSchemas.apply(openApi);
			Schemas.describe(openApi.getComponents().getSchemas());
			dropUnreferencedSchemas(openApi);
		};
	}

	/**
	 * Removes component schemas nothing refers to: springdoc writes one for a parameter
	 * type even when the operation's parameters are replaced (the search filters'
	 * {@code MultiValueMap}), and linters flag unused components.
	 */
	private static void dropUnreferencedSchemas(OpenAPI openApi) {
		Map<String, Schema> schemas = openApi.getComponents().getSchemas();
		if (schemas == null) {
			return;
		}
		boolean removed = true;
		while (removed) {
			String document;
			try {
				document = io.swagger.v3.core.util.Json.mapper().writeValueAsString(openApi);
			}
			catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
				throw new IllegalStateException("The OpenAPI document cannot be written", ex);
			}
			removed = schemas.keySet().removeIf((name) -> !document.contains("\"#/components/schemas/" + name + "\""));
		}
	}

	private static void complete(String path, Operation operation, ApiOperation contract) {
		operation.setOperationId(contract.operationId());
		operation.setTags(List.of(contract.tag()));
		operation.setSummary(contract.summary());
		if (contract.access() == Access.PUBLIC) {
			operation.setSecurity(List.of());
		}
		else {
			operation.setSecurity(List.of(new SecurityRequirement().addList(BEARER)));
		}
		if (contract.idempotent()) {
			idempotencyKey(operation);
		}
		if (path.equals("/api/v1/products") || path.equals("/api/v1/products/facets")) {
			SearchParametersDoc.apply(operation, path.endsWith("/facets"));
		}
		responses(operation, contract);
	}

	/**
	 * The schemas written into the operation itself (a {@code Map} body has no
	 * component).
	 */
	private static List<Schema<?>> inlineSchemas(Operation operation) {
		List<Schema<?>> schemas = new ArrayList<>();
		List<Content> contents = new ArrayList<>();
		if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
			contents.add(operation.getRequestBody().getContent());
		}
		operation.getResponses().values().stream().map(ApiResponse::getContent).forEach((content) -> {
			if (content != null) {
				contents.add(content);
			}
		});
		contents.forEach((content) -> content.values().forEach((media) -> {
			if (media.getSchema() != null) {
				schemas.add(media.getSchema());
			}
		}));
		return schemas;
	}

	private static void idempotencyKey(Operation operation) {
		List<Parameter> parameters = new ArrayList<>(
				(operation.getParameters() != null) ? operation.getParameters() : List.of());
		parameters.removeIf((parameter) -> "Idempotency-Key".equalsIgnoreCase(parameter.getName()));
		parameters.add(new Parameter().in("header")
			.name("Idempotency-Key")
			.required(true)
			.description("A fresh string per logical request (a UUID, say). A retry with the same key and "
					+ "body answers the first response again, marked `Idempotent-Replayed: true`; the same "
					+ "key with another body is 422; a request still in flight with the key is 409.")
			.schema(new StringSchema().minLength(1).maxLength(128))
			.example("transfer-2026-12-01-0001"));
		operation.setParameters(parameters);
	}

	private static void responses(Operation operation, ApiOperation contract) {
		ApiResponses generated = (operation.getResponses() != null) ? operation.getResponses() : new ApiResponses();
		ApiResponse success = generated.values().stream().findFirst().orElseGet(ApiResponse::new);
		String code = Integer.toString(contract.success());
		success.setDescription(SuccessDescriptions.of(contract.success()));
		if (contract.success() == 204) {
			success.setContent(null);
		}
		success.addHeaderObject(RequestId.HEADER, requestIdHeader());
		if (contract.idempotent()) {
			success.addHeaderObject(IdempotentResponses.REPLAYED_HEADER,
					new Header().description("`true` when this is the stored first response to the same key")
						.schema(new StringSchema()._enum(List.of("true"))));
		}
		ApiResponses responses = new ApiResponses();
		responses.addApiResponse(code, success);
		if (contract.createsToo()) {
			responses.addApiResponse("201",
					new ApiResponse().description("Created: it did not exist before")
						.content(success.getContent())
						.headers(success.getHeaders()));
		}
		TreeSet<Integer> failures = new TreeSet<>(contract.failures());
		if (operation.getRequestBody() != null) {
			failures.addAll(List.of(400, 413, 415));
		}
		if (operation.getParameters() != null && !operation.getParameters().isEmpty()) {
			failures.add(400);
		}
		// a public operation refuses a token that is sent but invalid as well
		failures.add(401);
		if (contract.access() == Access.ADMIN) {
			failures.add(403);
		}
		failures.add(503);
		failures.forEach((status) -> responses.addApiResponse(Integer.toString(status),
				new ApiResponse().$ref("#/components/responses/" + ProblemResponses.name(status))));
		operation.setResponses(responses);
	}

	static Header requestIdHeader() {
		return new Header()
			.description("The id of this request, also in the service's log lines and in problem "
					+ "bodies; a plain client-sent `X-Request-Id` is kept")
			.schema(new StringSchema().maxLength(64));
	}

	private static ApiResponse problemResponse(String description) {
		return new ApiResponse().description(description)
			.addHeaderObject(RequestId.HEADER, requestIdHeader())
			.content(new Content().addMediaType(PROBLEM_JSON,
					new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
	}

	private static Schema<?> problemSchema() {
		Map<String, Schema> properties = new LinkedHashMap<>();
		properties.put("type",
				new StringSchema().format("uri")
					.description("Identifies the kind of problem")
					.example("https://polyglot.example/problems/validation"));
		properties.put("title", new StringSchema().description("Short summary of the kind").example("Invalid request"));
		properties.put("status", new IntegerSchema().description("The HTTP status").example(400));
		properties.put("detail", new StringSchema().description("What went wrong with this request")
			.example("amount: must be positive"));
		properties.put("instance", new StringSchema().description("The request path").example("/api/v1/transfers"));
		properties.put("requestId",
				new StringSchema().description("The request's id (X-Request-Id), to find it in the service's logs")
					.example("3f1c9b8e-2a4d-4c55-9d5e-7b1f0c2a9e41"));
		properties.put("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/FieldError"))
			.description("For validation problems: one entry per wrong field"));
		properties.put("store",
				new StringSchema().description("For 503: the store that is unavailable").example("cassandra"));
		properties.put("retryAfterSeconds",
				new IntegerSchema().description("For 429: seconds until logins are accepted again").example(900));
		ObjectSchema problem = new ObjectSchema();
		problem.setProperties(properties);
		problem.setRequired(List.of("type", "title", "status", "detail"));
		problem.setDescription("RFC 9457 problem details, the body of every error");
		return problem;
	}

	private static Schema<?> fieldErrorSchema() {
		ObjectSchema error = new ObjectSchema();
		error.addProperty("field", new StringSchema().description("The field or parameter").example("amount"));
		error.addProperty("message",
				new StringSchema().description("What is wrong with it").example("must be positive"));
		error.setRequired(List.of("field", "message"));
		error.setDescription("One invalid field of a request");
		return error;
	}

	/** The statuses of problems and their reusable responses. */
	static final class ProblemResponses {

		static final Map<Integer, String> ALL = new LinkedHashMap<>();

		static {
			ALL.put(400, "Invalid request: a field, parameter or the body is wrong (see `errors`); nothing changed");
			ALL.put(401, "No valid bearer token (a token sent to a public operation must be valid too), "
					+ "or wrong credentials");
			ALL.put(403, "Signed in, but not allowed (administrators only, or not the owner)");
			ALL.put(404, "Not found");
			ALL.put(409, "Conflict with the current state (duplicate, stale version, wrong status, "
					+ "the same Idempotency-Key still in flight)");
			ALL.put(413, "Request body larger than the limit (64 KB by default)");
			ALL.put(415, "Body is not `application/json`");
			ALL.put(422, "Refused by a business rule (insufficient funds, out of stock, an "
					+ "Idempotency-Key reused with another body)");
			ALL.put(429, "Too many failed logins; see `Retry-After`");
			ALL.put(503, "A store this operation needs is unavailable; try again later (see `store`)");
		}

		private ProblemResponses() {
		}

		static String name(int status) {
			return switch (status) {
				case 400 -> "BadRequest";
				case 401 -> "Unauthorized";
				case 403 -> "Forbidden";
				case 404 -> "NotFound";
				case 409 -> "Conflict";
				case 413 -> "ContentTooLarge";
				case 415 -> "UnsupportedMediaType";
				case 422 -> "UnprocessableContent";
				case 429 -> "TooManyRequests";
				case 503 -> "ServiceUnavailable";
				default -> "Status" + status;
			};
		}

	}

	/** Descriptions of success statuses. */
	static final class SuccessDescriptions {

		private SuccessDescriptions() {
		}

		static String of(int status) {
			return switch (status) {
				case 201 -> "Created";
				case 204 -> "Done; no body";
				default -> "OK";
			};
		}

	}

	/** The tags, with the store behind each. */
	static final class Tags {

		static final List<Tag> ALL = List.of(
				new Tag().name("Customers").description("Registration and the caller's profile (PostgreSQL)"),
				new Tag().name("Sessions").description("Log in and out; opaque bearer tokens (Redis)"),
				new Tag().name("Wallet").description("The caller's account, deposits, transfers, ledger (PostgreSQL)"),
				new Tag().name("Catalog").description("Categories and products with per-category attributes (MongoDB)"),
				new Tag().name("Orders").description("Orders with stock held in the catalog (PostgreSQL + MongoDB)"),
				new Tag().name("Social").description("Friends, suggestions, paths, recommendations (Neo4j)"),
				new Tag().name("Events").description("The event log and activity timelines (Cassandra)"),
				new Tag().name("Admin").description("Operator checks"),
				new Tag().name("Demos").description("Architecture demos on their own demo data (off by default)"));

		private Tags() {
		}

	}

	static String lowerFirst(String text) {
		return text.isEmpty() ? text : text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
	}

}
