package io.polyglot.app.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code scripts/try-it}, the README's tour as a program, runs end to end against this
 * test instance (its random port, the operator account of the tests): every step answers
 * the status the script expects, and the script says so.
 */
class TryItScriptIT extends ApiTestSupport {

	@Value("${local.server.port}")
	int port;

	@Test
	void theTourRunsEndToEnd() throws IOException, InterruptedException {
		Path script = Path.of("..", "..", "scripts", "try-it").toAbsolutePath().normalize();
		Path log = Path.of("target", "try-it.log").toAbsolutePath();
		Files.createDirectories(log.getParent());
		// the output goes to a file: a pipe nobody reads while waiting could fill and
		// block the script
		ProcessBuilder builder = new ProcessBuilder("bash", script.toString(), "http://localhost:" + this.port)
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().put("POLYGLOT_ADMIN_USERNAME", ADMIN_USERNAME);
		builder.environment().put("POLYGLOT_ADMIN_PASSWORD", ADMIN_PASSWORD);
		Process process = builder.start();
		boolean finished = process.waitFor(3, TimeUnit.MINUTES);
		if (!finished) {
			process.destroyForcibly().waitFor();
		}
		String output = Files.readString(log, StandardCharsets.UTF_8);
		System.out.println(output);
		assertThat(finished).as("try-it finished within 3 minutes:\n%s", output).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		assertThat(output).contains("steps answered as expected");
	}

}
