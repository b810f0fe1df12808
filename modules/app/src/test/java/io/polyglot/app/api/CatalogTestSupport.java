package io.polyglot.app.api;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Helpers of the catalog API tests: the operator's token, categories of a test's own (the
 * stores are shared by the whole test JVM) and products in them.
 */
abstract class CatalogTestSupport extends ApiTestSupport {

	/** Attributes of every test category: a small book-like schema. */
	static final String BOOK_SCHEMA = """
			{"name":"Test books","attributes":[
			 {"name":"author","type":"string","required":true},
			 {"name":"pages","type":"integer","required":false},
			 {"name":"weight","type":"number","required":false},
			 {"name":"signed","type":"boolean","required":false},
			 {"name":"format","type":"enum","required":false,"values":["paper","hard"]}]}""";

	String customerToken() {
		String username = unique("shopper");
		register(username, PASSWORD);
		return login(username, PASSWORD);
	}

	RestTestClient.ResponseSpec putCategory(String token, String code, String body) {
		return this.http.put()
			.uri("/api/v1/categories/" + code)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange();
	}

	/** A new category with {@link #BOOK_SCHEMA}; returns its code. */
	String freshCategory(String token) {
		String code = unique("cat").toLowerCase();
		putCategory(token, code, BOOK_SCHEMA).expectStatus().isCreated();
		return code;
	}

	static String productJson(String sku, String name, String category, String price, int stock, String attributes) {
		return "{\"sku\":\"" + sku + "\",\"name\":\"" + name + "\",\"description\":\"About " + name
				+ "\",\"category\":\"" + category + "\",\"price\":\"" + price + "\",\"stock\":" + stock
				+ ",\"attributes\":" + attributes + "}";
	}

	RestTestClient.ResponseSpec postProduct(String token, String body) {
		return send("POST", "/api/v1/products", token, body);
	}

	RestTestClient.ResponseSpec send(String method, String path, String token, String body) {
		RestTestClient.RequestBodySpec request = this.http.method(org.springframework.http.HttpMethod.valueOf(method))
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON);
		if (token != null) {
			request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
		}
		return request.body(body).exchange();
	}

	/** Creates a product and returns its body. */
	@SuppressWarnings("unchecked")
	Map<String, Object> createProduct(String token, String category, String name, String price, int stock,
			String attributes) {
		Map<String, Object> body = postProduct(token,
				productJson(unique("SKU"), name, category, price, stock, attributes))
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).isNotNull();
		return body;
	}

	/**
	 * The path with its query string percent-encoded exactly once, value by value, so
	 * braces, plus signs and spaces reach the service as the text they are.
	 */
	static URI encoded(String pathAndQuery) {
		int question = pathAndQuery.indexOf('?');
		if (question < 0) {
			return URI.create(pathAndQuery);
		}
		StringBuilder uri = new StringBuilder(pathAndQuery.substring(0, question + 1));
		String[] pairs = pathAndQuery.substring(question + 1).split("&");
		for (int i = 0; i < pairs.length; i++) {
			int equals = pairs[i].indexOf('=');
			String name = (equals < 0) ? pairs[i] : pairs[i].substring(0, equals);
			String value = (equals < 0) ? "" : pairs[i].substring(equals + 1);
			uri.append((i > 0) ? "&" : "").append(encode(name)).append('=').append(encode(value));
		}
		return URI.create(uri.toString());
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

	/** GET without a token; answers the parsed body of a 200. */
	@SuppressWarnings("unchecked")
	Map<String, Object> getOk(String uri) {
		Map<String, Object> body = this.http.get()
			.uri(encoded(uri))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).isNotNull();
		return body;
	}

	@SuppressWarnings("unchecked")
	List<String> namesOf(String uri) {
		return ((List<Map<String, Object>>) getOk(uri).get("items")).stream()
			.map((item) -> (String) item.get("name"))
			.toList();
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> errors(Map<String, Object> problem) {
		return (List<Map<String, Object>>) problem.get("errors");
	}

	static List<Object> fields(Map<String, Object> problem) {
		return errors(problem).stream().map((error) -> error.get("field")).toList();
	}

}
