package io.polyglot.domain.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * A bearer token as handed to the client: 256 random bits from a CSPRNG, URL-safe base64.
 * Only its {@link #hash()} is ever stored.
 */
public final class SessionToken {

	private static final int BYTES = 32;

	private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final String value;

	private SessionToken(String value) {
		this.value = value;
	}

	/** A new random token. */
	public static SessionToken generate() {
		byte[] bytes = new byte[BYTES];
		RANDOM.nextBytes(bytes);
		return new SessionToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
	}

	/**
	 * Whether the text has the shape of a token we issue (43 URL-safe base64 characters).
	 */
	public static boolean isWellFormed(String text) {
		return text != null && FORMAT.matcher(text).matches();
	}

	/**
	 * A token presented by a client.
	 * @throws IllegalArgumentException when it does not have the shape of a token this
	 * service issues
	 */
	public static SessionToken of(String text) {
		if (!isWellFormed(text)) {
			throw new IllegalArgumentException("not a session token");
		}
		return new SessionToken(text);
	}

	/** The token for the client. */
	public String value() {
		return this.value;
	}

	/**
	 * SHA-256 of the token, URL-safe base64: what the store keys on. A fast hash is
	 * enough because the token has 256 bits of entropy; nothing can be guessed from it.
	 */
	public String hash() {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(this.value.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM has SHA-256", ex);
		}
	}

	@Override
	public String toString() {
		return "SessionToken[hidden]";
	}

}
