package io.polyglot.app.openapi;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * Descriptions, examples and constraints of the body records' fields, by field name: the
 * API uses one meaning per name (an {@code amount} is always money as a string with two
 * decimals), so one dictionary describes every schema. Only what springdoc left empty is
 * filled in.
 */
final class Schemas {

	private static final String MONEY = "^-?[0-9]{1,13}(\\.[0-9]{1,2})?$";

	private static final String UUID_EXAMPLE = "0b6f8e3c-5c2e-4b8a-9d7e-2f4c1a9e6b10";

	/** name -> description, example, pattern (or null). */
	private static final Map<String, Field> FIELDS = Map.ofEntries(field("id", "Identifier (UUID)", UUID_EXAMPLE, null),
			field("username", "Login name: 3-32 letters, digits, '.', '_' or '-', starting with a letter or digit",
					"ada", "^[A-Za-z0-9][A-Za-z0-9._-]{2,31}$"),
			field("email", "E-mail address", "ada@example.com", null),
			field("password", "8 to 128 characters", "correct horse battery", null),
			field("token", "The bearer token; send as `Authorization: Bearer <token>`", "q3Jm0xQ2b1Qd8kq0F7Yh", null),
			field("expiresAt", "When the session ends at the latest (ISO-8601)", "2026-12-01T22:00:00Z", null),
			field("createdAt", "When it was created (ISO-8601)", "2026-12-01T10:00:00Z", null),
			field("lastSeenAt", "Last request with this session (ISO-8601)", "2026-12-01T10:05:00Z", null),
			field("occurredAt", "When the event happened (ISO-8601)", "2026-12-01T10:00:00Z", null),
			field("current", "Whether this is the session of the request", "true", null),
			field("roles", "Roles of the customer", null, null),
			field("amount", "Money: a string with up to two decimals, in the account's currency", "12.50", MONEY),
			field("balance", "Balance after the change, two decimals", "87.50", MONEY),
			field("balanceAfter", "Balance after this entry", "87.50", MONEY),
			field("currency", "ISO 4217 currency code", "EUR", "^[A-Z]{3}$"),
			field("price", "Price, two decimals", "1299.00", MONEY),
			field("unitPrice", "Price of one unit when the order was placed", "1299.00", MONEY),
			field("total", "Sum of the lines", "2598.00", MONEY),
			field("toCustomerId", "The receiving customer's id", UUID_EXAMPLE, null),
			field("fromAccountId", "The paying account", UUID_EXAMPLE, null),
			field("toAccountId", "The receiving account", UUID_EXAMPLE, null),
			field("kind", "What moved the money", "TRANSFER_OUT", null),
			field("reference", "The transfer, deposit or order the entry belongs to", UUID_EXAMPLE, null),
			field("nextCursor", "Pass as `cursor` for the next page; null on the last page", null, null),
			field("items", "This page's entries", null, null),
			field("sku", "Stock-keeping unit, unique", "LAP-ACME-13", null), field("name", "Name", "Acme Air 13", null),
			field("description", "Free text", "A light 13-inch laptop", null),
			field("category", "Category code", "laptops", null), field("code", "Category code", "laptops", null),
			field("stock", "Units available to order", "25", null),
			field("attributes", "Values of the category's attributes, by attribute name", null, null),
			field("version", "Optimistic version: send the one you read, a stale one is 409", "3", null),
			field("productId", "The product's id", UUID_EXAMPLE, null),
			field("quantity", "Units, at least 1", "2", null),
			field("status", "Order status: PENDING -> PAID -> SHIPPED, PENDING|PAID -> CANCELLED", "PENDING", null),
			field("lines", "Order lines", null, null),
			field("mutualFriends", "Friends the caller and the suggestion share", "3", null),
			field("hops", "Friendships on the path", "2", null),
			field("path", "Customers on the path, from the caller to the target", null, null),
			field("stream", "The event stream: `<type>:<id>`", "account:" + UUID_EXAMPLE, null),
			field("type", "Event type", "MoneyTransferred", null), field("payload", "The event's data", null, null),
			field("entryId", "The ledger entry the deposit wrote", UUID_EXAMPLE, null),
			field("customerId", "The customer who placed it", UUID_EXAMPLE, null),
			field("updatedAt", "Last status change (ISO-8601)", "2026-12-01T10:05:00Z", null),
			field("lineTotal", "Unit price times quantity", "2598.00", MONEY),
			field("required", "Whether every product of the category must have it", "true", null),
			field("values", "For `enum`: the allowed values", null, null),
			field("value", "An attribute value (or a category code) that occurs", null, null),
			field("count", "Products with that value", "12", null),
			field("friendsWhoBought", "The caller's friends who bought it", "2", null),
			field("units", "Units those friends bought", "3", null),
			field("clean", "Whether stock adds up for every product", "true", null),
			field("products", "Products checked", "25", null),
			field("leaks", "The products whose counts do not add up", null, null),
			field("received", "Units ever put into stock (stock, holds and sales in the catalog)", "30", null),
			field("inStock", "Units available in the catalog", "25", null),
			field("held", "Units the catalog holds for orders", "3", null),
			field("sold", "Units the catalog counts as sold", "2", null),
			field("heldByOrders", "Units PostgreSQL's PENDING and PAID orders hold", "3", null),
			field("soldByOrders", "Units PostgreSQL's SHIPPED orders sold", "2", null),
			field("problems", "What does not add up for the product; empty when clean", null, null),
			field("ranAt", "When the repair ran (ISO-8601)", "2026-12-01T10:05:00Z", null),
			field("repaired", "Holds the repair put right", null, null),
			field("unrepaired", "Holds it found wrong but could not put right (see `reason`)", null, null),
			field("waiting", "Holds of orders still settling, left for a later run", null, null),
			field("orderId", "The order the hold belongs to", UUID_EXAMPLE, null),
			field("reason", "Why it was repaired, not repaired, or left", "the order is CANCELLED", null),
			field("demo", "The demo's id", "integrity", null),
			field("steps", "Every statement sent to a store, in the order sent", null, null),
			field("findings", "The figures of the run that make the point", null, null),
			field("explanation", "What the run shows, in one paragraph", null, null),
			field("store", "The store, as health names it: postgres, mongodb, redis, cassandra or neo4j", "postgres",
					null),
			field("statement", "The statement as sent: SQL, a MongoDB or Redis command, CQL or Cypher", null, null),
			field("parameters", "The bound parameters, by name, in order", null, null),
			field("outcome", "Whether the store executed the statement or refused it", "OK", null),
			field("result", "The answer, or the store's refusal, as text", null, null),
			field("millis", "Wall-clock time of the call in milliseconds, measured around it", null, null),
			field("ttlSeconds", "Seconds the demo session lives (default 5)", "5", null),
			field("days", "Days to read back, one partition each (default 3)", "3", null),
			field("maxDepth", "Deepest friends-of-friends level to measure (default 4)", "4", null),
			field("person", "The demo person to start from (default 1)", "1", null),
			field("transfers", "Transfers to run (default 200)", "200", null),
			field("threads", "Concurrent threads (default 8)", "8", null),
			field("failEvery", "Every n-th transfer fails between debit and credit (default 10)", "10", null),
			field("relayPauseMillis", "How long the relay waits before it runs (default 1000)", "1000", null));

	/**
	 * Fields that are null when there is nothing to say (OpenAPI 3.0 {@code nullable}).
	 */
	private static final java.util.Set<String> NULLABLE = java.util.Set.of("nextCursor");

	private Schemas() {
	}

	/**
	 * A {@code Map<String, Object>} is an object whose values may be anything, but
	 * springdoc writes its values as {@code {"type": "object"}}, which a string or a
	 * number contradicts: such values become {@code additionalProperties: true}, here and
	 * in every nested schema; a field typed {@code Object} becomes a schema without type.
	 */
	@SuppressWarnings({ "rawtypes", "unchecked" })
	static void anyValues(@Nullable Schema schema) {
		if (schema == null) {
			return;
		}
		if (schema.getAdditionalProperties() instanceof Schema values) {
			if (bareObject(values)) {
				schema.setAdditionalProperties(Boolean.TRUE);
			}
			else {
				anyValues(values);
			}
		}
		if (schema.getProperties() != null) {
			// an Object-typed field holds any value, not only an object
			((Map<String, Schema>) schema.getProperties()).replaceAll((name, property) -> {
				if (!bareObject(property)) {
					anyValues(property);
					return property;
				}
				Schema any = new Schema<>();
				any.setDescription(property.getDescription());
				return any;
			});
		}
		anyValues(schema.getItems());
	}

	private static boolean bareObject(Schema<?> schema) {
		return "object".equals(schema.getType()) && schema.get$ref() == null
				&& (schema.getProperties() == null || schema.getProperties().isEmpty())
				&& schema.getAdditionalProperties() == null && schema.getAllOf() == null && schema.getOneOf() == null
				&& schema.getAnyOf() == null;
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	static void describe(@Nullable Map<String, Schema> schemas) {
		if (schemas == null) {
			return;
		}
		schemas.forEach((schemaName, schema) -> {
			if (schemaName.equals(OpenApiConfiguration.PROBLEM) || schemaName.equals("FieldError")) {
				return;
			}
			if (schema.getDescription() == null) {
				schema.setDescription(words(schemaName));
			}
			anyValues(schema);
			Map<String, Schema> properties = schema.getProperties();
			if (properties == null) {
				return;
			}
			properties.forEach((name, property) -> {
				if (NULLABLE.contains(name) && property.get$ref() == null) {
					property.setNullable(true);
				}
				Field field = FIELDS.get(name);
				if (field == null || property.get$ref() != null) {
					return;
				}
				if (property.getDescription() == null) {
					property.setDescription(field.description());
				}
				boolean text = "string".equals(property.getType());
				if (property.getExample() == null && field.example() != null
						&& (text || "integer".equals(property.getType()) || "boolean".equals(property.getType()))) {
					property.setExample(text ? field.example() : exampleValue(property.getType(), field.example()));
				}
				if (text && field.pattern() != null && property.getPattern() == null && property.getEnum() == null) {
					property.setPattern(field.pattern());
				}
			});
		});
	}

	private static Object exampleValue(String type, String example) {
		return "integer".equals(type) ? (Object) Long.valueOf(example) : Boolean.valueOf(example);
	}

	/** "TransferResponse" reads "Transfer response". */
	static String words(String name) {
		String spaced = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
		return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
	}

	private static Map.Entry<String, Field> field(String name, String description, @Nullable String example,
			@Nullable String pattern) {
		return Map.entry(name, new Field(description, example, pattern));
	}

	private record Field(String description, @Nullable String example, @Nullable String pattern) {

	}

	static List<String> names() {
		return List.copyOf(FIELDS.keySet());
	}

}
