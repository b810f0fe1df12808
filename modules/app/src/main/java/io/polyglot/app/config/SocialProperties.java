package io.polyglot.app.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Social graph settings under {@code polyglot.social}.
 *
 * @param defaultSuggestions suggestions returned when the caller names no {@code limit}
 * (1 to 100)
 */
@ConfigurationProperties("polyglot.social")
public record SocialProperties(@DefaultValue("10") int defaultSuggestions) {

}
