package io.polyglot.app;

import java.util.List;
import java.util.Map;

import io.polyglot.app.routing.Routing;
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
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Points every Spring test context of this module at the local stores its routing needs
 * ({@code polyglot.routing.*} from system properties or the test's inline properties; all
 * five by default), started once per test JVM: with every concern on PostgreSQL only
 * PostgreSQL starts. Set {@code -Dpolyglot.test.stores=external} (the Testcontainers
 * profile does) to leave the connections to another source.
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
			Map<String, Object> inline = TestPropertySourceUtils
				.convertInlinedPropertiesToMap(mergedConfig.getPropertySourceProperties());
			Routing routing = Routing.from(
					(name) -> (inline.containsKey(name)) ? String.valueOf(inline.get(name)) : System.getProperty(name));
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("localStores",
						SpringConnectionProperties.of(SharedTestStores.get(routing.stores().toArray(String[]::new)))));
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
