package io.polyglot.app.resilience;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.polyglot.domain.shared.StoreUnavailableException;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.util.ClassUtils;

/**
 * Decorates every domain port an adapter implements with the bulkhead of the adapter's
 * store: at most {@link BulkheadProperties#limitOf(String)} calls are in flight against
 * one store, so a hung store (each call waiting out its timeout) holds that many request
 * threads and no more, and the other concerns keep their threads. The store is the
 * adapter's module: {@code io.polyglot.adapter.redis..} is redis, whichever port it
 * implements. The decorator also turns an outage the adapter left untranslated (see
 * {@link StoreFailures}) into the domain's store-unavailable error, so it is a 503 and
 * never a 500.
 * <p>
 * Calls nest (a use case's transaction calls other PostgreSQL ports inside it): a thread
 * already holding a store's place does not take a second one, or a full bulkhead would
 * refuse the inner call of a transaction it admitted.
 */
public final class StoreBulkheads implements BeanPostProcessor, Ordered {

	private static final String ADAPTERS = "io.polyglot.adapter.";

	private static final String PORTS = "io.polyglot.domain.";

	private static final ThreadLocal<Set<String>> HELD = ThreadLocal.withInitial(HashSet::new);

	private final BulkheadRegistry registry;

	private final BulkheadProperties properties;

	public StoreBulkheads(BulkheadRegistry registry, BulkheadProperties properties) {
		this.registry = registry;
		this.properties = properties;
	}

	/**
	 * First among the decorators of a port: the port metrics time the guarded call (a
	 * refusal by a full bulkhead is an {@code unavailable} outcome there) and find the
	 * adapter behind this decorator.
	 */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	/** The bulkhead of the named store, created on first use. */
	public Bulkhead bulkheadOf(String store) {
		return this.registry.bulkhead(store,
				() -> BulkheadConfig.custom()
					.maxConcurrentCalls(this.properties.limitOf(store))
					.maxWaitDuration(this.properties.maxWait())
					.build());
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		String store = storeOf(bean.getClass());
		return (store != null) ? decorate(bean, store) : bean;
	}

	/**
	 * The bean behind a decorator of every domain port it implements, guarded by the
	 * store's bulkhead; the bean itself when it implements none.
	 */
	public Object decorate(Object bean, String store) {
		List<Class<?>> ports = new ArrayList<>();
		for (Class<?> type : ClassUtils.getAllInterfacesForClassAsSet(bean.getClass())) {
			if (type.getName().startsWith(PORTS)) {
				ports.add(type);
			}
		}
		if (ports.isEmpty()) {
			return bean;
		}
		ProxyFactory factory = new ProxyFactory(bean);
		factory.setInterfaces(ports.toArray(Class<?>[]::new));
		factory.addAdvice(new Guard(store, bulkheadOf(store)));
		return factory.getProxy(bean.getClass().getClassLoader());
	}

	/** The store of an adapter class, from its package; null for anything else. */
	static @Nullable String storeOf(Class<?> type) {
		String name = type.getPackageName();
		if (!name.startsWith(ADAPTERS)) {
			return null;
		}
		String rest = name.substring(ADAPTERS.length());
		int dot = rest.indexOf('.');
		return ((dot < 0) ? rest : rest.substring(0, dot)).toLowerCase(Locale.ROOT);
	}

	/** Admits a port call through the store's bulkhead and translates its outages. */
	private static final class Guard implements MethodInterceptor {

		private final String store;

		private final Bulkhead bulkhead;

		Guard(String store, Bulkhead bulkhead) {
			this.store = store;
			this.bulkhead = bulkhead;
		}

		@Override
		public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
			Method method = invocation.getMethod();
			if (method.getDeclaringClass() == Object.class) {
				return invocation.proceed();
			}
			Set<String> held = HELD.get();
			if (held.contains(this.store)) {
				return call(invocation);
			}
			if (!this.bulkhead.tryAcquirePermission()) {
				throw new StoreUnavailableException(this.store,
						"Too many calls in flight to " + this.store + " (bulkhead of "
								+ this.bulkhead.getBulkheadConfig().getMaxConcurrentCalls() + " full)",
						BulkheadFullException.createBulkheadFullException(this.bulkhead));
			}
			held.add(this.store);
			try {
				return call(invocation);
			}
			finally {
				held.remove(this.store);
				this.bulkhead.onComplete();
			}
		}

		private @Nullable Object call(MethodInvocation invocation) throws Throwable {
			try {
				return invocation.proceed();
			}
			catch (StoreUnavailableException ex) {
				throw ex;
			}
			catch (RuntimeException ex) {
				Throwable outage = StoreFailures.outageIn(ex);
				if (outage != null) {
					throw new StoreUnavailableException(this.store, this.store + " is unavailable: "
							+ outage.getClass().getSimpleName() + ": " + outage.getMessage(), ex);
				}
				throw ex;
			}
		}

	}

}
