package io.tijarat.core.provider.guard;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Answers MicroProfile Fault Tolerance's per-class configuration keys
 * ({@code <class>/<method>/<Annotation>/<parameter>}) for the classes {@link GuardTypes} defines, one per
 * provider, with that provider's {@link OperationLimits}. Registered with
 * {@code META-INF/services/org.eclipse.microprofile.config.spi.ConfigSource}; its keys name generated
 * classes only, so it cannot shadow any other setting. Values are published before their class exists and
 * never change (changed values get a new class), so configuration caches cannot serve a stale value.
 */
public final class ProviderFaultToleranceConfigSource implements ConfigSource {

    private static final Map<String, String> VALUES = new ConcurrentHashMap<>();

    static void publish(String className, String method, OperationLimits limits) {
        String prefix = className + "/" + method + "/";
        VALUES.put(prefix + "Timeout/value", Long.toString(limits.outerTimeout().toMillis()));
        if (!limits.guarded()) {
            return;
        }
        VALUES.put(prefix + "Bulkhead/value", Integer.toString(limits.bulkhead()));
        VALUES.put(prefix + "CircuitBreaker/requestVolumeThreshold", Integer.toString(limits.breakerVolume()));
        VALUES.put(prefix + "CircuitBreaker/failureRatio", Double.toString(limits.failureRatio()));
        VALUES.put(prefix + "CircuitBreaker/delay", Long.toString(limits.breakerDelay().toMillis()));
        VALUES.put(prefix + "CircuitBreaker/successThreshold", Integer.toString(limits.successThreshold()));
        VALUES.put(prefix + "Retry/maxRetries", Integer.toString(limits.retries()));
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.copyOf(VALUES.keySet());
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.copyOf(VALUES);
    }

    @Override
    public String getValue(String propertyName) {
        return VALUES.get(propertyName);
    }

    @Override
    public String getName() {
        return "tijarat-provider-fault-tolerance";
    }

    @Override
    public int getOrdinal() {
        return 500;
    }
}
