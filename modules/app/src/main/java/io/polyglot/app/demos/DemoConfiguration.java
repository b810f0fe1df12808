package io.polyglot.app.demos;

import java.util.List;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.polyglot.app.routing.Routing;
import io.polyglot.domain.demo.ArchitectureDemos;
import io.polyglot.domain.demo.CustomerOrdersPlayground;
import io.polyglot.domain.demo.DemoData;
import io.polyglot.domain.demo.DemoEventLog;
import io.polyglot.domain.demo.DemoOutbox;
import io.polyglot.domain.demo.FriendGraphPlayground;
import io.polyglot.domain.demo.IndexPlayground;
import io.polyglot.domain.demo.IntegrityPlayground;
import io.polyglot.domain.demo.PartitionPlayground;
import io.polyglot.domain.demo.SessionPlayground;
import io.polyglot.domain.demo.TransferPlayground;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Wires the demos when {@code polyglot.demos.enabled} is true: the use case over the
 * adapters' demo ports (told apart by the store they name), the store map, and the page
 * served from {@code classpath:/demo-page/} at {@code /}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("polyglot.demos.enabled")
@EnableConfigurationProperties(DemoProperties.class)
public class DemoConfiguration implements WebMvcConfigurer {

	@Bean
	ArchitectureDemos architectureDemos(List<IntegrityPlayground> integrity, List<CustomerOrdersPlayground> orders,
			SessionPlayground sessions, PartitionPlayground partitions, List<FriendGraphPlayground> graphs,
			List<TransferPlayground> transfers, DemoOutbox outbox, DemoEventLog eventLog, IndexPlayground index) {
		return new ArchitectureDemos(new ArchitectureDemos.Stores(of(integrity, "postgres"), of(integrity, "mongodb"),
				of(orders, "postgres"), of(orders, "mongodb"), sessions, partitions, of(graphs, "neo4j"),
				of(graphs, "postgres"), transactional(transfers, true), transactional(transfers, false), outbox,
				eventLog, index));
	}

	@Bean
	StoreMap demoStoreMap(ListableBeanFactory beans, MeterRegistry meters, Routing routing) {
		return new StoreMap(beans.getBeansOfType(HealthIndicator.class), meters, routing);
	}

	/**
	 * A rolling p99 for the timers the store map reads (per-store port timers and the
	 * drivers' and HTTP timers it falls back to), so it can show a current p99 per store.
	 */
	@Bean
	MeterFilter demoStoreMapPercentiles() {
		return new MeterFilter() {
			@Override
			public @Nullable DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
				if (id.getType() == Meter.Type.TIMER
						&& (id.getTag("store") != null || StoreMap.FALLBACK_TIMERS.contains(id.getName()))) {
					return DistributionStatisticConfig.builder().percentiles(0.99).build().merge(config);
				}
				return config;
			}
		};
	}

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/demo/**").addResourceLocations("classpath:/demo-page/");
	}

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addViewController("/").setViewName("forward:/demo/index.html");
	}

	private static <T extends DemoData> T of(List<T> candidates, String store) {
		return candidates.stream()
			.filter((candidate) -> candidate.store().equals(store))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no demo port for " + store + " among " + candidates));
	}

	private static TransferPlayground transactional(List<TransferPlayground> candidates, boolean transactional) {
		return candidates.stream()
			.filter((candidate) -> candidate.transactional() == transactional)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException(
					"no " + (transactional ? "" : "non-") + "transactional " + "transfer demo among " + candidates));
	}

}
