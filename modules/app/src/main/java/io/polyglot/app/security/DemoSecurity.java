package io.polyglot.app.security;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Who may use the architecture demos: nobody needs to sign in for the page itself; its
 * endpoints are open in the local run, need an administrator when
 * {@code polyglot.demos.admin-only} is set, and when demos are off the paths are left
 * open so they answer 404 (there is nothing behind them) rather than 401.
 */
final class DemoSecurity {

	private DemoSecurity() {
	}

	static void authorize(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests,
			boolean enabled, boolean adminOnly) {
		requests.requestMatchers(HttpMethod.GET, "/", "/demo/**", "/webjars/**", "/favicon.ico").permitAll();
		if (enabled && adminOnly) {
			requests.requestMatchers("/api/v1/demos/**").hasRole("ADMIN");
		}
		else {
			requests.requestMatchers("/api/v1/demos/**").permitAll();
		}
	}

}
