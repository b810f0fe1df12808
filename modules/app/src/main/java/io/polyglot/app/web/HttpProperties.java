package io.polyglot.app.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the HTTP edge under {@code polyglot.http}.
 *
 * @param maxRequestBody the largest request body accepted; larger ones get 413 without
 * being read
 */
@ConfigurationProperties("polyglot.http")
public record HttpProperties(@DefaultValue("64KB") DataSize maxRequestBody) {

}
