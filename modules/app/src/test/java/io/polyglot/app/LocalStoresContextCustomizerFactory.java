package io.polyglot.app;

import java.util.List;

import io.polyglot.localstores.SharedTestStores;
import io.polyglot.localstores.SpringConnectionProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Points every Spring test context of this module at the five local stores, started once
 * per test JVM. Set {@code -Dpolyglot.test.stores=external} (the Testcontainers profile
 * does) to leave the connections to another source.
 */
class LocalStoresContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		if ("external".equals(System.getProperty("polyglot.test.stores"))
				|| TestContextAnnotationUtils.findMergedAnnotation(testClass, WithoutLocalStores.class) != null) {
			return null;
		}
		return new LocalStoresCustomizer();
	}

	/**
	 * Adds the connection properties of the shared stores; equal for all tests so
	 * contexts are cached.
	 */
	private static final class LocalStoresCustomizer implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("localStores", SpringConnectionProperties.of(SharedTestStores.all())));
		}

		@Override
		public boolean equals(@Nullable Object other) {
			return other instanceof LocalStoresCustomizer;
		}

		@Override
		public int hashCode() {
			return LocalStoresCustomizer.class.hashCode();
		}

	}

}
