package io.polyglot.app.observability;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.polyglot.domain.shared.DomainException;
import io.polyglot.domain.shared.StoreUnavailableException;
import io.polyglot.domain.shared.Transactions;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.util.ClassUtils;

/**
 * Times every call of every domain port an adapter implements, as
 * {@code polyglot.store.operation} with the tags {@code store} (the adapter's store),
 * {@code port}, {@code operation} and {@code outcome} ({@code success}, {@code rejected}
 * for a domain refusal such as a duplicate, {@code unavailable}, {@code error}). Ports on
 * the latency-critical path also publish histogram buckets.
 *
 * <p>
 * A decorator per port bean, applied where the beans are made: whichever adapter serves a
 * port (the routing may put a concern in PostgreSQL), the metrics name the store that
 * actually served the call. {@link Transactions} is not timed: its calls wrap whole use
 * cases, not one store operation.
 */
public final class PortMetrics implements BeanPostProcessor {

	/** The timer's name; Prometheus shows {@code polyglot_store_operation_seconds}. */
	public static final String METRIC = "polyglot.store.operation";

	private static final String ADAPTER_PACKAGE = "io.polyglot.adapter.";

	private static final String DOMAIN_PACKAGE = "io.polyglot.domain.";

	/**
	 * Buckets for the ports on the request path of nearly every call (sessions, login
	 * throttle, wallet, catalog, stock, graph, idempotency): from sub-millisecond Redis
	 * reads to the 3 s store timeout.
	 */
	static final Duration[] BUCKETS = { Duration.ofNanos(500_000), Duration.ofMillis(1), Duration.ofMillis(2),
			Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
			Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
			Duration.ofSeconds(3) };

	private final ObjectProvider<MeterRegistry> registry;

	private final Set<String> histogramPorts;

	public PortMetrics(ObjectProvider<MeterRegistry> registry, Set<String> histogramPorts) {
		this.registry = registry;
		this.histogramPorts = Set.copyOf(histogramPorts);
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		// the adapter behind the store bulkhead's decorator (which is applied first)
		String store = storeOf(AopUtils.getTargetClass(bean));
		if (store == null) {
			return bean;
		}
		Set<Class<?>> ports = new LinkedHashSet<>();
		for (Class<?> type : ClassUtils.getAllInterfacesForClassAsSet(bean.getClass())) {
			if (type.getName().startsWith(DOMAIN_PACKAGE) && type != Transactions.class) {
				ports.add(type);
			}
		}
		if (ports.isEmpty()) {
			return bean;
		}
		return Proxy.newProxyInstance(bean.getClass().getClassLoader(), ports.toArray(Class<?>[]::new),
				new Timing(bean, store));
	}

	/**
	 * {@code io.polyglot.adapter.postgres.JdbcAccounts} is served by {@code postgres}.
	 */
	static @Nullable String storeOf(Class<?> type) {
		String name = type.getName();
		if (!name.startsWith(ADAPTER_PACKAGE)) {
			return null;
		}
		String rest = name.substring(ADAPTER_PACKAGE.length());
		int dot = rest.indexOf('.');
		return (dot > 0) ? rest.substring(0, dot) : null;
	}

	static String outcomeOf(@Nullable Throwable failure) {
		if (failure == null) {
			return "success";
		}
		if (failure instanceof StoreUnavailableException) {
			return "unavailable";
		}
		return (failure instanceof DomainException) ? "rejected" : "error";
	}

	/**
	 * Times the calls of one adapter bean; the timers are made once per method and
	 * outcome.
	 */
	private final class Timing implements InvocationHandler {

		private final Object target;

		private final String store;

		private final Map<String, Timer> timers = new ConcurrentHashMap<>();

		Timing(Object target, String store) {
			this.target = target;
			this.store = store;
		}

		@Override
		public @Nullable Object invoke(Object proxy, Method method, @Nullable Object[] args) throws Throwable {
			if (method.getDeclaringClass() == Object.class) {
				return switch (method.getName()) {
					case "equals" -> proxy == args[0];
					case "hashCode" -> System.identityHashCode(proxy);
					case "toString" -> "metered " + this.target;
					default -> method.invoke(this.target, args);
				};
			}
			long start = System.nanoTime();
			Throwable failure = null;
			try {
				return method.invoke(this.target, args);
			}
			catch (InvocationTargetException ex) {
				failure = ex.getTargetException();
				throw failure;
			}
			finally {
				record(method, outcomeOf(failure), System.nanoTime() - start);
			}
		}

		private void record(Method method, String outcome, long nanos) {
			MeterRegistry meters = PortMetrics.this.registry.getIfAvailable();
			if (meters == null) {
				return;
			}
			String port = method.getDeclaringClass().getSimpleName();
			String key = port + "." + method.getName() + "/" + outcome;
			this.timers.computeIfAbsent(key, (name) -> {
				Timer.Builder timer = Timer.builder(METRIC)
					.description("Calls of a domain port by the store adapter serving it")
					.tag("store", this.store)
					.tag("port", port)
					.tag("operation", method.getName())
					.tag("outcome", outcome);
				if (PortMetrics.this.histogramPorts.contains(port.toLowerCase(Locale.ROOT))) {
					timer.serviceLevelObjectives(BUCKETS);
				}
				return timer.register(meters);
			}).record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
		}

	}

}
