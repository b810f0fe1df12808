package io.polyglot.app.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import io.polyglot.app.ContractValidation;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Login throttling is no denial-of-service lever: a stranger guessing a customer's
 * password from one address is slowed down (429 with a Retry-After, even for the right
 * password, from that address), while the owner logging in from another address gets in.
 * The owner's requests come from 127.0.0.2, the guesser's from 127.0.0.1.
 */
class LoginThrottleIT extends ApiTestSupport {

	@LocalServerPort
	int port;

	@Test
	void theGuesserIsSlowedWhileTheOwnerFromAnotherAddressStillLogsIn() throws IOException {
		String username = unique("victim");
		register(username, PASSWORD);
		for (int i = 0; i < 5; i++) {
			problem(loginAttempt(username, "guess number " + i), 401);
		}
		// from the guesser's address the username now waits, whatever is tried
		problem(loginAttempt(username, "guess number 6"), 429);
		problem(loginAttempt(username, PASSWORD), 429);

		String owner = loginFrom("127.0.0.2", username, PASSWORD);
		assertThat(owner).startsWith("HTTP/1.1 201");
		assertThat(owner).contains("\"token\"");
		// and a wrong password from the owner's address is an ordinary 401, not a block
		assertThat(loginFrom("127.0.0.2", username, "owner typo")).startsWith("HTTP/1.1 401");
	}

	private String loginFrom(String localAddress, String username, String password) throws IOException {
		String body = "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}";
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		String request = "POST /api/v1/sessions HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
				+ "Content-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n";
		try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), this.port,
				InetAddress.getByName(localAddress), 0)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.write(bytes);
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream received = new ByteArrayOutputStream();
			in.transferTo(received);
			return ContractValidation.checkRaw("POST", "/api/v1/sessions", received.toString(StandardCharsets.UTF_8));
		}
	}

}
