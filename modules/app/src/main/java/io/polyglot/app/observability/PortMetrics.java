package io.polyglot.app.observability;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import io.micrometer.core.instrument.Timer;
import io.polyglot.domain.shared.DomainException;
import io.polyglot.domain.shared.StoreUnavailableException;
import io.polyglot.domain.shared.Transactions;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.util.ClassUtils;

/**
 * Times every call of every domain port an adapter implements, as
 * {@code polyglot.store.operation} with the tags {@code store} (the adapter's store),
 * {@code port}, {@code operation} and {@code outcome} ({@code success}, {@code rejected}
 * for a domain refusal such as a duplicate, {@code unavailable}, {@code error}). Every
 * timer publishes the same histogram buckets: Prometheus allows one kind per name.
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

	public PortMetrics(ObjectProvider<MeterRegistry> registry) {
		this.registry = registry;
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
		// a subclass proxy where the class allows it, so a bean injected by its own class
		// (an adapter's auto-configuration may) stays injectable; an interface proxy for
		// final classes
		ProxyFactory proxy = new ProxyFactory(bean);
		proxy.setInterfaces(ports.toArray(Class<?>[]::new));
		proxy.setProxyTargetClass(!Modifier.isFinal(bean.getClass().getModifiers()));
		proxy.addAdvice(new Timing(store, ports));
		return proxy.getProxy(bean.getClass().getClassLoader());
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
	 * Times the port calls of one adapter bean; timers are made once per method and
	 * outcome, then reused.
	 */
	private final class Timing implements MethodInterceptor {

		private final String store;

		private final Set<Class<?>> ports;

		private final Map<Method, Optional<String>> portOf = new ConcurrentHashMap<>();

		private final Map<String, Timer> timers = new ConcurrentHashMap<>();

		Timing(String store, Set<Class<?>> ports) {
			this.store = store;
			this.ports = ports;
		}

		@Override
		public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
			Method method = invocation.getMethod();
			Optional<String> port = this.portOf.computeIfAbsent(method, this::declaringPort);
			if (port.isEmpty()) {
				return invocation.proceed();
			}
			long start = System.nanoTime();
			Throwable failure = null;
			try {
				return invocation.proceed();
			}
			catch (Throwable ex) {
				failure = ex;
				throw ex;
			}
			finally {
				record(port.get(), method.getName(), outcomeOf(failure), System.nanoTime() - start);
			}
		}

		/** The port that declares the method, if it is a port method at all. */
		private Optional<String> declaringPort(Method method) {
			for (Class<?> port : this.ports) {
				try {
					port.getMethod(method.getName(), method.getParameterTypes());
					return Optional.of(port.getSimpleName());
				}
				catch (NoSuchMethodException ex) {
					// not this port's
				}
			}
			return Optional.empty();
		}

		private void record(String port, String operation, String outcome, long nanos) {
			MeterRegistry meters = PortMetrics.this.registry.getIfAvailable();
			if (meters == null) {
				return;
			}
			String key = port + "." + operation + "/" + outcome;
			this.timers.computeIfAbsent(key, (name) -> {
				Timer.Builder timer = Timer.builder(METRIC)
					.description("Calls of a domain port by the store adapter serving it")
					.tag("store", this.store)
					.tag("port", port)
					.tag("operation", operation)
					.tag("outcome", outcome);
				// Prometheus needs one kind per metric name: every timer of this name is
				// a histogram, or a scrape fails mixing histogram and summary snapshots
				timer.serviceLevelObjectives(BUCKETS);
				return timer.register(meters);
			}).record(nanos, TimeUnit.NANOSECONDS);
		}

	}

}
