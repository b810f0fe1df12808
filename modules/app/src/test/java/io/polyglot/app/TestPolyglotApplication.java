package io.polyglot.app;

import java.nio.file.Path;
import java.util.Set;

import io.polyglot.app.routing.Routing;

import io.polyglot.localstores.LocalStoreException;
import io.polyglot.localstores.LocalStores;
import io.polyglot.localstores.SpringConnectionProperties;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The local run ({@code ./mvnw ... spring-boot:test-run}): starts the five real stores on
 * loopback with data under {@code .polyglot/}, then the service against them. Lives in
 * the test sources so the store binaries never reach the production jar. Ctrl-C stops the
 * service first, then the stores.
 */
public final class TestPolyglotApplication {

	private TestPolyglotApplication() {
	}

	public static void main(String[] args) {
		Path data = Path.of(".polyglot").toAbsolutePath();
		// only the stores the routing uses: with every concern on PostgreSQL, just
		// that one
		Routing routing = Routing.from((name) -> property(args, name));
		System.out.println("Starting " + String.join(", ", routing.stores()) + " (routing " + routing.byConcern()
				+ "); data in " + data);
		LocalStores stores = LocalStores.forRun(data, Set.copyOf(routing.stores()));
		try {
			stores.start();
		}
		catch (LocalStoreException ex) {
			System.err.println(ex.getMessage());
			System.exit(1);
		}
		SpringApplication application = new SpringApplication(PolyglotApplication.class);
		application.setAdditionalProfiles("local");
		application.addInitializers((context) -> {
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("localStores", SpringConnectionProperties.of(stores)));
			// registered before any other bean, so it is closed after all of them
			((GenericApplicationContext) context).registerBean("localStores", LocalStores.class, () -> stores);
		});
		application.addListeners((ApplicationListener<ApplicationReadyEvent>) (event) -> {
			String port = event.getApplicationContext().getEnvironment().getProperty("local.server.port", "8080");
			System.out.println();
			System.out.println("Polyglot is up: http://localhost:" + port + "  (health: /actuator/health, API docs: "
					+ "/swagger-ui.html)");
			System.out.print(stores.describe());
			System.out.println("Ctrl-C stops the service and the stores; data stays in " + data);
		});
		application.run(args);
	}

	/**
	 * A property as the service will see it: a {@code --name=value} argument, a system
	 * property or an environment variable (POLYGLOT_ROUTING_EVENT_LOG).
	 */
	private static String property(String[] args, String name) {
		for (String arg : args) {
			if (arg.startsWith("--" + name + "=")) {
				return arg.substring(name.length() + 3);
			}
		}
		String value = System.getProperty(name);
		if (value != null) {
			return value;
		}
		return System.getenv(name.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_'));
	}

}
