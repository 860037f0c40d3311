package io.tijarat.core.provider.guard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.InterceptionFactory;
import jakarta.inject.Inject;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wraps a provider instance so that every call goes through MicroProfile Fault Tolerance with state of
 * its own provider id (see the package comment). An Unknown outcome leaves the guard as an
 * {@link UnknownOutcome} exception, so it counts against the provider's breaker. Calls run with the plugin's class loader as the thread's
 * context class loader, as plugin code using ServiceLoader or JAXB-style lookups expects.
 */
@ApplicationScoped
public class ProviderGuards {

    @Inject
    BeanManager beanManager;

    /** One class loader per provider id: its proxy class, and so its FT state, survive plugin upgrades. */
    private final Map<String, ClassLoader> loaders = new ConcurrentHashMap<>();

    /**
     * A guarded view of {@code provider}.
     *
     * @param guardType the annotated mirror interface, e.g. {@link GuardedPayment}
     * @param provider  the plugin's provider (implements the matching SPI interface)
     */
    public <G> G guard(String providerId, Class<G> guardType, Object provider) {
        ClassLoader idLoader = loaders.computeIfAbsent(providerId, ProviderIdClassLoader::new);
        Object proxy = Proxy.newProxyInstance(idLoader, new Class<?>[] {guardType}, new Delegate(provider));
        InterceptionFactory<G> factory = beanManager.createInterceptionFactory(
                beanManager.createCreationalContext(null), guardType);
        return factory.createInterceptedInstance(guardType.cast(proxy));
    }

    /** An empty class loader whose only job is to give each provider id its own proxy class. */
    static final class ProviderIdClassLoader extends ClassLoader {
        ProviderIdClassLoader(String providerId) {
            super("provider-" + providerId, ProviderGuards.class.getClassLoader());
        }
    }

    /** Forwards each mirror method to the provider's method of the same name and parameter types. */
    private static final class Delegate implements InvocationHandler {
        private final Object provider;
        private final Map<Method, Method> targets = new ConcurrentHashMap<>();

        Delegate(Object provider) {
            this.provider = provider;
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
            try {
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
