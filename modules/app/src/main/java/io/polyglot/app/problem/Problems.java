package io.polyglot.app.problem;

import java.net.URI;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Builds the service's problem details, so every one has a type URI and a title. */
public final class Problems {

	/** Base of the {@code type} URIs of our problems. */
	public static final String TYPE_BASE = "https://polyglot.example/problems/";

	private Problems() {
	}

	/** A problem of our own {@code type} (the last segment of its URI). */
	public static ProblemDetail of(HttpStatus status, String type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE_BASE + type));
		problem.setTitle(title);
		return problem;
	}

	/**
	 * Our {@code type} for a plain HTTP failure, from its reason phrase: 415 is
	 * {@code .../unsupported-media-type}.
	 */
	public static URI typeFor(HttpStatus status) {
		return URI.create(TYPE_BASE + status.getReasonPhrase().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
	}

}
