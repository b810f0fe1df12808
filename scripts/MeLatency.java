import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;

/**
 * A short load run for the session lookup cost: registers a customer, logs in, then calls
 * GET /api/v1/me with the token from a few concurrent clients and prints p50/p99/max.
 * Reports numbers; asserts nothing. Run against a started service:
 * {@code java scripts/MeLatency.java [baseUrl] [requestsPerClient] [clients]}.
 */
public class MeLatency {

	public static void main(String[] args) throws Exception {
		String base = args.length > 0 ? args[0] : "http://localhost:8080";
		int perClient = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
		int clients = args.length > 2 ? Integer.parseInt(args[2]) : 4;
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		String name = "bench" + UUID.randomUUID().toString().substring(0, 8);
		String password = "correct horse battery staple";
		send(http, post(base + "/api/v1/customers",
				"{\"username\":\"" + name + "\",\"email\":\"" + name + "@example.com\",\"password\":\"" + password + "\"}"),
				201);
		String session = send(http,
				post(base + "/api/v1/sessions", "{\"username\":\"" + name + "\",\"password\":\"" + password + "\"}"), 201);
		String token = session.replaceAll(".*\"token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
		HttpRequest me = HttpRequest.newBuilder(URI.create(base + "/api/v1/me"))
			.header("Authorization", "Bearer " + token)
			.GET()
			.build();
		for (int i = 0; i < 1000; i++) { // warm-up: JIT, connection pools
			send(http, me, 200);
		}
		long[][] perThread = new long[clients][perClient];
		Thread[] threads = new Thread[clients];
		long start = System.nanoTime();
		for (int c = 0; c < clients; c++) {
			int client = c;
			threads[c] = new Thread(() -> {
				for (int i = 0; i < perClient; i++) {
					long t0 = System.nanoTime();
					try {
						send(http, me, 200);
					}
					catch (Exception ex) {
						throw new IllegalStateException(ex);
					}
					perThread[client][i] = System.nanoTime() - t0;
				}
			});
			threads[c].start();
		}
		for (Thread thread : threads) {
			thread.join();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		long[] all = Arrays.stream(perThread).flatMapToLong(Arrays::stream).sorted().toArray();
		System.out.printf("GET /me x %d (%d clients): %.0f req/s, p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", all.length,
				clients, all.length / seconds, all[all.length / 2] / 1e6, all[(int) (all.length * 0.99)] / 1e6,
				all[all.length - 1] / 1e6);
	}

	private static HttpRequest post(String url, String json) {
		return HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build();
	}

	private static String send(HttpClient http, HttpRequest request, int expected) throws Exception {
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != expected) {
			throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

}
