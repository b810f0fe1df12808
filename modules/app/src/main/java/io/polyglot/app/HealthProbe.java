package io.polyglot.app;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The container image's health check: exits 0 when the service's readiness probe answers
 * 200, 1 otherwise. The image has no shell and no curl, only the JVM, so the check is a
 * main class of its own
 * ({@code java -cp @/app/jib-classpath-file io.polyglot.app.HealthProbe}).
 */
public final class HealthProbe {

	private HealthProbe() {
	}

	public static void main(String[] args) {
		String url = (args.length > 0) ? args[0] : "http://127.0.0.1:"
				+ System.getenv().getOrDefault("SERVER_PORT", "8080") + "/actuator/health/readiness";
		try {
			HttpResponse<Void> response = HttpClient.newBuilder()
				.connectTimeout(Duration.ofSeconds(2))
				.build()
				.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).GET().build(),
						HttpResponse.BodyHandlers.discarding());
			System.exit((response.statusCode() == 200) ? 0 : 1);
		}
		catch (Exception ex) {
			System.err.println("health probe: " + ex);
			System.exit(1);
		}
	}

}
