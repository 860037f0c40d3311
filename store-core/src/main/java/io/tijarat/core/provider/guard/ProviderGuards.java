package io.tijarat.core.provider.guard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.InterceptionFactory;
import io.tijarat.core.plugin.context.CallBudget;
import jakarta.inject.Inject;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wraps a provider instance so that every call goes through MicroProfile Fault Tolerance with that
 * provider's own values and state (see the package comment and {@link GuardTypes}). Each call opens the
 * operation's {@link CallBudget}, inside the outer FT timeout (budget plus a margin), so the plugin's HTTP
 * requests end before the core interrupts it. An Unknown outcome leaves the guard as an
 * {@link UnknownOutcome} exception, so it counts against the provider's breaker. Calls run with the plugin's
 * class loader as the thread's context class loader, as plugin code using ServiceLoader or JAXB-style
 * lookups expects.
 */
@ApplicationScoped
public class ProviderGuards {

    @Inject
    BeanManager beanManager;

    /**
     * A guarded view of {@code provider}.
     *
     * @param guardType the annotated mirror interface, e.g. {@link GuardedPayment}
     * @param provider  the plugin's provider (implements the matching SPI interface)
     * @param limits    the provider's values for each method of {@code guardType}
     */
    public <G> G guard(String providerId, Class<G> guardType, Object provider, Map<String, OperationLimits> limits) {
        Delegate handler = new Delegate(provider, limits);
        // Signature checks have only a timeout, which keeps no state: one proxy class serves every provider.
        G target = guardType == GuardedVerification.class
                ? guardType.cast(Proxy.newProxyInstance(guardType.getClassLoader(), new Class<?>[] {guardType}, handler))
                : GuardTypes.instance(GuardTypes.forProvider(guardType, providerId, limits), handler);
        return intercepted(guardType, target);
    }

    private <T> T intercepted(Class<T> type, Object proxy) {
        InterceptionFactory<T> factory = beanManager.createInterceptionFactory(
                beanManager.createCreationalContext(null), type);
        return factory.createInterceptedInstance(type.cast(proxy));
    }

    /** Forwards each mirror method to the provider's method of the same name and parameter types. */
    private static final class Delegate implements InvocationHandler {
        private final Object provider;
        private final Map<String, OperationLimits> limits;
        private final Map<Method, Method> targets = new ConcurrentHashMap<>();

        Delegate(Object provider, Map<String, OperationLimits> limits) {
            this.provider = provider;
            this.limits = limits;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "toString" -> "guarded " + provider.getClass().getName();
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                };
            }
            Method target = targets.computeIfAbsent(method, this::resolve);
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(provider.getClass().getClassLoader());
            try (CallBudget.Scope budget = CallBudget.open(limits.get(method.getName()).budget())) {
                Object result = target.invoke(provider, args);
                if (UnknownOutcome.isUnknown(result)) {
                    throw new UnknownOutcome(result);
                }
                return result;
            } catch (InvocationTargetException e) {
                throw e.getCause();
            } finally {
                thread.setContextClassLoader(previous);
            }
        }

        private Method resolve(Method mirror) {
            try {
                Method m = provider.getClass().getMethod(mirror.getName(), mirror.getParameterTypes());
                m.setAccessible(true);
                return m;
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(provider.getClass() + " has no " + mirror, e);
            }
        }
    }
}
