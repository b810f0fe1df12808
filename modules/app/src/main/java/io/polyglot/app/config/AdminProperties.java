package io.polyglot.app.config;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The operator account to make sure of at startup, under {@code polyglot.admin}
 * ({@code POLYGLOT_ADMIN_USERNAME}, {@code POLYGLOT_ADMIN_EMAIL},
 * {@code POLYGLOT_ADMIN_PASSWORD}). There is no default: with none set there is no
 * operator, and setting only some of them stops startup.
 */
@ConfigurationProperties("polyglot.admin")
public record AdminProperties(@Nullable String username, @Nullable String email, @Nullable String password) {

	public AdminProperties {
		List<String> missing = new ArrayList<>();
		if (isBlank(username)) {
			missing.add("polyglot.admin.username (POLYGLOT_ADMIN_USERNAME)");
		}
		if (isBlank(email)) {
			missing.add("polyglot.admin.email (POLYGLOT_ADMIN_EMAIL)");
		}
		if (isBlank(password)) {
			missing.add("polyglot.admin.password (POLYGLOT_ADMIN_PASSWORD)");
		}
		if (!missing.isEmpty() && missing.size() < 3) {
			throw new IllegalStateException("The operator account needs username, e-mail and password together, or "
					+ "none of them; missing: " + String.join(", ", missing));
		}
	}

	/** Whether an operator account is configured at all. */
	public boolean isConfigured() {
		return !isBlank(this.username);
	}

	private static boolean isBlank(@Nullable String value) {
		return value == null || value.isBlank();
	}

	@Override
	public String toString() {
		return "AdminProperties[username=" + this.username + ", email=" + this.email + ", password="
				+ ((this.password != null) ? "[hidden]" : null) + "]";
	}

}
