package io.polyglot.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Entry point of the Polyglot service. Connections come from the environment; see README.
 */
@SpringBootApplication
public class PolyglotApplication {

	public static void main(String[] args) {
		SpringApplication.run(PolyglotApplication.class, args);
	}

}
