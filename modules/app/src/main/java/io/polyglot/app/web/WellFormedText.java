package io.polyglot.app.web;

import java.util.Collection;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Refuses request text that is not valid Unicode: a JSON escape such as {@code "\ud800"}
 * decodes to an unpaired UTF-16 surrogate, which no store and no UTF-8 encoder accepts
 * (the password hasher threw, so the request was a 500). Every string of a request body
 * (typed fields, free-form attribute values, map keys) is checked as it is read, and an
 * unpaired surrogate is a 400 naming the field.
 */
public final class WellFormedText {

	/** The message the problem handler recognises (see {@link #isIllFormedText}). */
	static final String MESSAGE = "contains an unpaired UTF-16 surrogate";

	private WellFormedText() {
	}

	/** The Jackson module that applies the check. */
	public static SimpleModule module() {
		SimpleModule module = new SimpleModule("polyglot-well-formed-text");
		module.setDeserializerModifier(new ValueDeserializerModifier() {

			@Override
			public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config,
					BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
				Class<?> type = description.getBeanClass();
				return (type == String.class || type == Object.class) ? new Checked(deserializer) : deserializer;
			}

			@Override
			public KeyDeserializer modifyKeyDeserializer(DeserializationConfig config, JavaType type,
					KeyDeserializer deserializer) {
				return new KeyDeserializer() {

					@Override
					public Object deserializeKey(String key, DeserializationContext context) {
						if (hasUnpairedSurrogate(key)) {
							throw context.weirdKeyException(String.class, key, MESSAGE);
						}
						return deserializer.deserializeKey(key, context);
					}

				};
			}

		});
		return module;
	}

	/** Whether the failure is this check's refusal. */
	static boolean isIllFormedText(InvalidFormatException ex) {
		return String.valueOf(ex.getOriginalMessage()).contains(MESSAGE);
	}

	/** Whether the text holds a surrogate that is not part of a pair. */
	static boolean hasUnpairedSurrogate(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c)) {
				if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
					i++;
					continue;
				}
				return true;
			}
			if (Character.isLowSurrogate(c)) {
				return true;
			}
		}
		return false;
	}

	/** Checks what the wrapped deserializer read, nested values of free-form JSON too. */
	private static final class Checked extends DelegatingDeserializer {

		Checked(ValueDeserializer<?> delegate) {
			super(delegate);
		}

		@Override
		protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
			return new Checked(delegate);
		}

		@Override
		public Object deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
			Object value = super.deserialize(parser, context);
			check(value, context);
			return value;
		}

		private static void check(Object value, DeserializationContext context) {
			if (value instanceof String text) {
				if (hasUnpairedSurrogate(text)) {
					throw context.weirdStringException(text, String.class, MESSAGE);
				}
			}
			else if (value instanceof Map<?, ?> map) {
				for (Map.Entry<?, ?> entry : map.entrySet()) {
					check(entry.getKey(), context);
					check(entry.getValue(), context);
				}
			}
			else if (value instanceof Collection<?> values) {
				for (Object element : values) {
					check(element, context);
				}
			}
		}

	}

}
