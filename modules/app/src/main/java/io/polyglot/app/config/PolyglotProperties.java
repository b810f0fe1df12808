package io.polyglot.app.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Service-wide settings under {@code polyglot}.
 *
 * @param currency ISO-4217 currency of every wallet account opened at registration
 */
@ConfigurationProperties("polyglot")
public record PolyglotProperties(@DefaultValue("EUR") String currency) {

}
