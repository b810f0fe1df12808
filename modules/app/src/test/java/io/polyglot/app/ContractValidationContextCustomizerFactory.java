package io.polyglot.app;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.resttestclient.autoconfigure.RestTestClientBuilderCustomizer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Gives the {@code RestTestClient} of every Spring test context of this module the
 * {@link ContractValidation} interceptor, so no end-to-end test can receive a response
 * the document does not describe.
 */
class ContractValidationContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return new Customizer();
	}

	/** Registers the builder customizer; equal for all tests so contexts are cached. */
	private static final class Customizer implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
			context.getBeanFactory()
				.registerSingleton("contractValidationRestTestClient",
						(RestTestClientBuilderCustomizer) (builder) -> builder
							.requestInterceptor(new ContractValidation()));
		}

		@Override
		public boolean equals(@Nullable Object other) {
			return other instanceof Customizer;
		}

		@Override
		public int hashCode() {
			return Customizer.class.hashCode();
		}

	}

}
