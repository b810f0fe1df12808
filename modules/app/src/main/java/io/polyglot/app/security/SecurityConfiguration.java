package io.polyglot.app.security;

import io.polyglot.app.problem.ProblemWriter;
import io.polyglot.domain.session.AuthenticateSession;
import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

/**
 * The stateless filter chain: bearer session tokens only, public paths listed, every
 * other path needs a signed-in caller.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

	/**
	 * No Spring Security observations, and so no observation wrapper around each filter
	 * of the chain: with the observations merely disabled by property the chain was still
	 * wrapped filter by filter, a cost on every request for nothing recorded. The request
	 * itself stays timed ({@code http.server.requests}).
	 */
	@Bean
	static SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	SecurityFilterChain apiSecurity(HttpSecurity http, AuthenticateSession authenticateSession, ProblemWriter problems,
			@Value("${polyglot.demos.enabled:false}") boolean demosEnabled,
			@Value("${polyglot.demos.admin-only:true}") boolean demosAdminOnly) throws Exception {
		ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint(problems);
		// built here rather than declared as a bean, so Boot does not also register it as
		// a plain servlet filter that would run outside the security chain
		BearerTokenFilter bearerTokens = new BearerTokenFilter(authenticateSession, entryPoint, problems);
		http
			// no cookies and no server-side HTTP session: a request proves itself with
			// its bearer token, so there is nothing for CSRF to ride on
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.httpBasic((basic) -> basic.disable())
			.formLogin((form) -> form.disable())
			.logout((logout) -> logout.disable())
			.requestCache((cache) -> cache.disable())
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(new ProblemAccessDeniedHandler(problems)))
			.addFilterBefore(bearerTokens, UsernamePasswordAuthenticationFilter.class)
			.authorizeHttpRequests((requests) -> DemoSecurity.authorize(requests, demosEnabled, demosAdminOnly))
			.authorizeHttpRequests((requests) -> requests
				// the error page renders a failure that was already authorized or refused
				.dispatcherTypeMatchers(DispatcherType.ERROR)
				.permitAll()
				.requestMatchers(HttpMethod.POST, "/api/v1/customers", "/api/v1/sessions")
				.permitAll()
				.requestMatchers(HttpMethod.GET, "/api/v1/categories/**", "/api/v1/products/**")
				.permitAll()
				// catalog writes, shipping and the admin area are for administrators only
				.requestMatchers(HttpMethod.PUT, "/api/v1/categories/**")
				.hasRole("ADMIN")
				.requestMatchers("/api/v1/products/**")
				.hasRole("ADMIN")
				.requestMatchers(HttpMethod.POST, "/api/v1/orders/*/shipment")
				.hasRole("ADMIN")
				.requestMatchers("/api/v1/admin/**")
				.hasRole("ADMIN")
				.requestMatchers("/actuator/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/error")
				.permitAll()
				.anyRequest()
				.authenticated());
		return http.build();
	}

}
