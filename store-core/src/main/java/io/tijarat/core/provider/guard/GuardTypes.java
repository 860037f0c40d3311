package io.tijarat.core.provider.guard;

import java.lang.invoke.MethodHandles;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.annotation.AnnotationDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.implementation.InvocationHandlerAdapter;
import net.bytebuddy.matcher.ElementMatchers;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * Defines, per provider id, the class whose instances MicroProfile Fault Tolerance guards: it implements a
 * guard mirror ({@link GuardedPayment}, …) by handing every call to an {@link InvocationHandler}, and
 * carries FT's annotations at class level.
 *
 * <p>Why a class per provider: FT keys its breaker and bulkhead state by the target's class, so each
 * provider gets state of its own; and FT takes a method's values from the annotations on the mirror's
 * method, overridden by the configuration keys {@code <class>/<method>/<Annotation>/<parameter>}, where
 * {@code <class>} is the target's class when that class carries the annotation (Payara's
 * {@code FaultToleranceUtils.getAnnotatedMethodClass}, as the MicroProfile FT specification's
 * configuration chapter describes). The class-level annotations are there only to make FT read those
 * keys under this class's name; {@link ProviderFaultToleranceConfigSource} answers them with the
 * provider's {@link OperationLimits}.
 *
 * <p>The class is named {@code GuardedPayment$$<id>} (a {@code -} in the id becomes {@code _}); a later
 * instance of the same provider with the same values gets the same class, and so keeps its breaker state
 * across a plugin upgrade; changed values get a new class ({@code $$<id>$2}). Thread-safe.
 */
final class GuardTypes {

    /** The field the generated class forwards calls to. */
    static final String HANDLER = "handler";

    private record Key(Class<?> mirror, String providerId) {
    }

    private record Defined(Map<String, OperationLimits> limits, Class<?> type) {
    }

    private static final Map<Key, List<Defined>> DEFINED = new HashMap<>();

    private GuardTypes() {
    }

    /**
     * The provider's class for {@code mirror}, with {@code limits} (one entry per method name of the
     * mirror) published to {@link ProviderFaultToleranceConfigSource} before the class is returned.
     */
    static synchronized <G> Class<? extends G> forProvider(Class<G> mirror, String providerId,
                                                          Map<String, OperationLimits> limits) {
        List<Defined> versions = DEFINED.computeIfAbsent(new Key(mirror, providerId), k -> new ArrayList<>());
        for (Defined defined : versions) {
            if (defined.limits().equals(limits)) {
                return defined.type().asSubclass(mirror);
            }
        }
        String name = mirror.getName() + "$$" + providerId.replace('-', '_')
                + (versions.isEmpty() ? "" : "$" + (versions.size() + 1));
        for (Method method : mirror.getMethods()) {
            OperationLimits limit = limits.get(method.getName());
            if (limit == null) {
                throw new IllegalArgumentException("no fault-tolerance values for " + mirror.getSimpleName() + "."
                        + method.getName());
            }
            ProviderFaultToleranceConfigSource.publish(name, method.getName(), limit);
        }
        Class<?> type = define(mirror, name);
        versions.add(new Defined(Map.copyOf(limits), type));
        return type.asSubclass(mirror);
    }

    /** A new instance of {@code type} that hands every call to {@code handler}. */
    static <G> G instance(Class<? extends G> type, InvocationHandler handler) {
        try {
            G instance = type.getDeclaredConstructor().newInstance();
            type.getField(HANDLER).set(instance, handler);
            return instance;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot instantiate " + type.getName(), e);
        }
    }

    private static Class<?> define(Class<?> mirror, String name) {
        DynamicType.Builder<?> builder = new ByteBuddy()
                .subclass(Object.class)
                .implement(mirror)
                .name(name)
                .annotateType(classLevel())
                .defineField(HANDLER, InvocationHandler.class, Modifier.PUBLIC)
                .method(ElementMatchers.isDeclaredBy(mirror))
                .intercept(InvocationHandlerAdapter.toField(HANDLER));
        try (DynamicType.Unloaded<?> unloaded = builder.make()) {
            // Defined beside the mirror, in the application's class loader, where CDI can proxy it.
            return unloaded.load(mirror.getClassLoader(), ClassLoadingStrategy.UsingLookup.of(MethodHandles.lookup()))
                    .getLoaded();
        }
    }

    /**
     * The annotations that make FT read per-class keys. Every guarded mirror method declares its own
     * {@code @Timeout}, {@code @Bulkhead} and {@code @CircuitBreaker}, which win over these; a method without
     * {@code @Retry} of its own gets this one, which never retries.
     */
    private static List<AnnotationDescription> classLevel() {
        return List.of(
                AnnotationDescription.Builder.ofType(Timeout.class).build(),
                AnnotationDescription.Builder.ofType(Bulkhead.class).build(),
                AnnotationDescription.Builder.ofType(CircuitBreaker.class).build(),
                AnnotationDescription.Builder.ofType(Retry.class).define("maxRetries", 0).build());
    }
}
