package io.polyglot.localstores;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Loopback port helpers: free ports for tests, and probing whether something listens. */
public final class Ports {

	/** Every local store binds here and nowhere else. */
	public static final String LOOPBACK = "127.0.0.1";

	private Ports() {
	}

	/** A port that was free on loopback a moment ago. */
	public static int free() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("no free loopback port", ex);
		}
	}

	/** Whether a TCP connection to the port succeeds within a short time. */
	public static boolean isListening(String host, int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(host, port), 250);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
