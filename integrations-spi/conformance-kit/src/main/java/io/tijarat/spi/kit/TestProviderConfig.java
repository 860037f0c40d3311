package io.tijarat.spi.kit;

import io.tijarat.spi.ConfigProperty;
import io.tijarat.spi.ProviderConfig;
import io.tijarat.spi.ProviderDescriptor;
import io.tijarat.spi.Secret;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A {@link ProviderConfig} over a map, enforcing what the SPI Javadoc promises of the core's: only
 * declared names can be read, secrets only through {@link #findSecret}, declared defaults apply, and a
 * blank value counts as not set. The map holds this provider's values only: the builder has already
 * dropped every key outside {@code tijarat.provider.<id>.}. Immutable and thread-safe.
 */
final class TestProviderConfig implements ProviderConfig {

    private final String providerId;
    private final Map<String, ConfigProperty> declared;
    private final Map<String, String> values;

    TestProviderConfig(ProviderDescriptor descriptor, Map<String, String> values) {
        this.providerId = descriptor.id();
        this.declared = descriptor.configProperties().stream()
                .collect(Collectors.toMap(ConfigProperty::name, property -> property, (a, b) -> a, LinkedHashMap::new));
        this.values = Map.copyOf(values);
    }

    static String namespace(String providerId) {
        return "tijarat.provider." + providerId + ".";
    }

    @Override
    public String keyFor(String name) {
        return namespace(providerId) + declaredProperty(name).name();
    }

    @Override
    public Optional<String> get(String name) {
        ConfigProperty property = declaredProperty(name);
        if (property.secret()) {
            throw new IllegalArgumentException("config property " + name + " of provider " + providerId
                    + " is secret: read it with secret() or findSecret(), never with get()");
        }
        return configured(name).or(property::defaultValue);
    }

    @Override
    public Optional<Secret> findSecret(String name) {
        ConfigProperty property = declaredProperty(name);
        if (!property.secret()) {
            throw new IllegalArgumentException("config property " + name + " of provider " + providerId
                    + " is not declared secret: read it with get() or require()");
        }
        return configured(name).map(Secret::of);
    }

    private Optional<String> configured(String name) {
        return Optional.ofNullable(values.get(name)).filter(value -> !value.isBlank());
    }

    private ConfigProperty declaredProperty(String name) {
        ConfigProperty property = name == null ? null : declared.get(name);
        if (property == null) {
            throw new IllegalArgumentException("config property '" + name + "' is not declared by provider "
                    + providerId + "; declare it in the descriptor (declared: " + declared.keySet() + ")");
        }
        return property;
    }

    /** Shows which properties are set; secret values as {@code ***}. */
    @Override
    public String toString() {
        return "TestProviderConfig[" + providerId + ": " + values.keySet().stream().sorted()
                .map(name -> name + "=" + (declared.get(name).secret() ? "***" : values.get(name)))
                .collect(Collectors.joining(", ")) + "]";
    }
}
