import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seeds a running service with a realistic data set through its public REST API only
 * (no store is touched directly): customers with funded wallets, products across the
 * book/tv/shoe categories plus two added ones, friendships, and orders (some paid). Safe
 * to run twice: existing customers log in, existing SKUs are skipped, idempotency keys
 * are derived from the data so a repeat replays instead of duplicating.
 * {@code java scripts/DemoData.java [baseUrl]}; see {@code scripts/demo-data}.
 */
public class DemoData {

	static final String PASSWORD = "demo data password";

	static final String[] FIRST = { "Ana", "Marc", "Lucía", "Jonas", "Aisha", "Pierre", "Sofia", "Kenji", "Maya",
			"Omar", "Elena", "Tomás", "Ingrid", "Ravi", "Chloé", "Noah", "Zara", "Luca", "Hana", "Diego" };

	static final String[] LAST = { "lopez", "riera", "garcia", "weber", "khan", "martin", "rossi", "sato", "cohen",
			"haddad" };

	static final int CUSTOMERS = 60;

	static final int PRODUCTS_PER_CATEGORY = 60;

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	final String base;

	final Random random = new Random(7);

	DemoData(String base) {
		this.base = base.replaceAll("/+$", "") + "/api/v1";
	}

	public static void main(String[] args) throws Exception {
		new DemoData(args.length > 0 ? args[0] : "http://localhost:8080").seed();
	}

	void seed() throws Exception {
		long start = System.nanoTime();
		List<String[]> customers = new ArrayList<>(); // {id, username, token}
		for (int i = 0; i < CUSTOMERS; i++) {
			String username = (FIRST[i % FIRST.length] + "." + LAST[(i / 2) % LAST.length] + i)
				.toLowerCase(Locale.ROOT)
				.replace("í", "i")
				.replace("é", "e")
				.replace("á", "a");
			customers.add(customer(username));
		}
		System.out.printf("customers: %d (password \"%s\")%n", customers.size(), PASSWORD);

		int funded = 0;
		for (String[] customer : customers) {
			int amount = 200 + this.random.nextInt(1800);
			Response deposit = send("POST", "/accounts/me/deposits", customer[2], "{\"amount\":\"" + amount + ".00\"}",
					"demo-data-deposit-" + customer[1]);
			funded += deposit.status() == 201 ? 1 : 0;
		}
		System.out.printf("wallets funded: %d%n", funded);

		int friendships = 0;
		for (int i = 0; i < customers.size(); i++) {
			for (int k = 1; k <= 4; k++) {
				String[] friend = customers.get((i + k * 7 + this.random.nextInt(5)) % customers.size());
				if (friend[0].equals(customers.get(i)[0])) {
					continue;
				}
				friendships += send("PUT", "/friends/" + friend[0], customers.get(i)[2], null, null).status() == 204 ? 1
						: 0;
			}
		}
		System.out.printf("friendships: %d%n", friendships);

		String adminUser = System.getenv("POLYGLOT_ADMIN_USERNAME");
		String adminPassword = System.getenv("POLYGLOT_ADMIN_PASSWORD");
		if (adminUser == null || adminPassword == null) {
			System.out.println("catalog and orders skipped: set POLYGLOT_ADMIN_USERNAME and POLYGLOT_ADMIN_PASSWORD "
					+ "(the administrator the service was started with)");
			return;
		}
		String admin = token(send("POST", "/sessions", null,
				"{\"username\":" + quote(adminUser) + ",\"password\":" + quote(adminPassword) + "}", null), adminUser);
		List<String> products = catalog(admin);
		System.out.printf("products: %d in 5 categories%n", products.size());

		int orders = 0;
		int paid = 0;
		for (String[] customer : customers) {
			int count = 1 + this.random.nextInt(3);
			for (int n = 0; n < count; n++) {
				StringBuilder lines = new StringBuilder();
				int lineCount = 1 + this.random.nextInt(3);
				for (int l = 0; l < lineCount; l++) {
					lines.append(l > 0 ? "," : "")
						.append("{\"productId\":\"")
						.append(products.get((this.random.nextInt(products.size()) + l * 13) % products.size()))
						.append("\",\"quantity\":")
						.append(1 + this.random.nextInt(2))
						.append('}');
				}
				Response order = send("POST", "/orders", customer[2], "{\"lines\":[" + lines + "]}",
						"demo-data-order-" + customer[1] + "-" + n);
				if (order.status() == 201) {
					orders++;
					if (this.random.nextInt(3) > 0) {
						String id = field(order.body(), "id");
						paid += send("POST", "/orders/" + id + "/payment", customer[2], null, null).status() == 200 ? 1
								: 0;
					}
				}
			}
		}
		System.out.printf("orders: %d (%d paid)%n", orders, paid);
		System.out.printf("done in %.1f s; try GET %s/products?category=book or log in as %s%n",
				(System.nanoTime() - start) / 1e9, this.base, customers.get(0)[1]);
	}

	/** Registers the customer, or finds it registered already, and logs in. */
	String[] customer(String username) throws Exception {
		Response created = send("POST", "/customers", null, "{\"username\":" + quote(username) + ",\"email\":"
				+ quote(username + "@demo.example") + ",\"password\":" + quote(PASSWORD) + "}", null);
		if (created.status() != 201 && created.status() != 409) {
			throw new IllegalStateException("registering " + username + ": " + created);
		}
		String token = token(send("POST", "/sessions", null,
				"{\"username\":" + quote(username) + ",\"password\":" + quote(PASSWORD) + "}", null), username);
		String id = field(send("GET", "/me", token, null, null).body(), "id");
		return new String[] { id, username, token };
	}

	/** Products in the default categories and two added ones; returns every product id. */
	List<String> catalog(String admin) throws Exception {
		send("PUT", "/categories/lamp", admin, "{\"name\":\"Lamps\",\"attributes\":[{\"name\":\"watts\",\"type\":"
				+ "\"integer\",\"required\":true},{\"name\":\"style\",\"type\":\"enum\",\"required\":false,"
				+ "\"values\":[\"desk\",\"floor\",\"pendant\"]}]}", null);
		send("PUT", "/categories/coffee", admin, "{\"name\":\"Coffee\",\"attributes\":[{\"name\":\"origin\",\"type\":"
				+ "\"string\",\"required\":true},{\"name\":\"organic\",\"type\":\"boolean\",\"required\":false}]}", null);
		Map<String, String> kinds = new LinkedHashMap<>();
		kinds.put("book", "BK");
		kinds.put("tv", "TV");
		kinds.put("shoe", "SH");
		kinds.put("lamp", "LM");
		kinds.put("coffee", "CF");
		String[] resolutions = { "HD", "FullHD", "4K", "8K" };
		String[] styles = { "desk", "floor", "pendant" };
		String[] adjectives = { "Classic", "Compact", "Deluxe", "Urban", "Nordic", "Vintage", "Pro", "Eco", "Smart",
				"Tiny" };
		List<String> ids = new ArrayList<>();
		for (Map.Entry<String, String> kind : kinds.entrySet()) {
			for (int i = 1; i <= PRODUCTS_PER_CATEGORY; i++) {
				String sku = "DD-" + kind.getValue() + "-" + String.format("%03d", i);
				String adjective = adjectives[i % adjectives.length];
				String attributes = switch (kind.getKey()) {
					case "book" -> "{\"author\":\"Author " + (i % 17 + 1) + "\",\"pages\":" + (120 + i * 7) + "}";
					case "tv" -> "{\"inches\":" + (32 + (i % 6) * 8) + ",\"resolution\":\"" + resolutions[i % 4] + "\"}";
					case "shoe" -> "{\"size\":" + (36 + i % 11) + ",\"color\":\"" + (i % 2 == 0 ? "black" : "white")
							+ "\"}";
					case "lamp" -> "{\"watts\":" + (5 + i % 12 * 5) + ",\"style\":\"" + styles[i % 3] + "\"}";
					default -> "{\"origin\":\"" + (i % 2 == 0 ? "Colombia" : "Ethiopia") + "\",\"organic\":"
							+ (i % 3 == 0) + "}";
				};
				String name = adjective + " " + kind.getKey() + " " + i;
				String price = (5 + (i * 37 % 400)) + "." + String.format("%02d", i % 100);
				Response created = send("POST", "/products", admin,
						"{\"sku\":\"" + sku + "\",\"name\":" + quote(name) + ",\"description\":"
								+ quote("Demo " + kind.getKey() + " number " + i) + ",\"category\":\"" + kind.getKey()
								+ "\",\"price\":\"" + price + "\",\"stock\":" + (20 + i % 30) + ",\"attributes\":"
								+ attributes + "}",
						null);
				if (created.status() == 201) {
					ids.add(field(created.body(), "id"));
				}
			}
		}
		// products created by an earlier run: found by listing each category
		for (String category : kinds.keySet()) {
			String cursor = null;
			do {
				String path = "/products?category=" + category + "&limit=100" + (cursor != null ? "&cursor=" + cursor : "");
				String body = send("GET", path, null, null, null).body();
				Matcher matcher = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"[^{}]*?\"sku\"\\s*:\\s*\"DD-").matcher(body);
				while (matcher.find()) {
					if (!ids.contains(matcher.group(1))) {
						ids.add(matcher.group(1));
					}
				}
				String next = body.replaceAll("(?s).*\"nextCursor\"\\s*:\\s*(null|\"([^\"]*)\").*", "$2");
				cursor = next.isEmpty() ? null : java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8);
			}
			while (cursor != null);
		}
		return ids;
	}

	record Response(int status, String body) {
	}

	Response send(String method, String path, String token, String json, String idempotencyKey) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(30))
			.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey);
		}
		HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() >= 500) {
			throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
					+ response.body());
		}
		return new Response(response.statusCode(), response.body());
	}

	static String token(Response session, String username) {
		if (session.status() != 201) {
			throw new IllegalStateException("login of " + username + " failed: " + session);
		}
		return field(session.body(), "token");
	}

	static String field(String json, String name) {
		Matcher matcher = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
		if (!matcher.find()) {
			throw new IllegalStateException("no " + name + " in " + json);
		}
		return matcher.group(1);
	}

	static String quote(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

}
