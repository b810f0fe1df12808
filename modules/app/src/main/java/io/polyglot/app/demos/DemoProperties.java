package io.polyglot.app.demos;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the architecture demos under {@code polyglot.demos}.
 *
 * @param enabled whether the demo page and its endpoints exist at all (off unless set;
 * the local run sets it)
 * @param adminOnly whether the demo endpoints need an administrator's session (set it in
 * any shared deployment that switches demos on)
 * @param benchReport the latest benchmark report the store-choice demo links to, when the
 * file exists
 */
@ConfigurationProperties("polyglot.demos")
public record DemoProperties(@DefaultValue("false") boolean enabled, @DefaultValue("true") boolean adminOnly,
		@DefaultValue("target/bench/latest/report.html") Path benchReport) {

}
