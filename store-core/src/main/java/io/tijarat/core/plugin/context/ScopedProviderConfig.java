package io.tijarat.core.plugin.context;

import io.tijarat.spi.ConfigProperty;
import io.tijarat.spi.ProviderConfig;
import io.tijarat.spi.ProviderDescriptor;
import io.tijarat.spi.Secret;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One provider's configuration, read once: the {@link ProviderConfig} contract, implemented exactly.
 *
 * <ul>
 *   <li>Only {@code tijarat.provider.<id>.<declared name>} keys are ever looked up, so a provider
 *       cannot read another provider's keys or the server's ({@code tijarat.db.password}), whatever
 *       name it asks for.</li>
 *   <li>An undeclared name, a secret read through {@link #get}, or a plain property read through
 *       {@link #findSecret} throws {@link IllegalArgumentException}: a plugin bug.</li>
 *   <li>Declared defaults apply; a blank value counts as not set.</li>
 *   <li>A snapshot: values never change under a running provider. The host compares snapshots to
 *       decide whether a provider must be created again.</li>
 * </ul>
 *
 * <p>{@link #toString()} masks secret values. Immutable and thread-safe.
 */
public final class ScopedProviderConfig implements ProviderConfig {

    private final String providerId;
    private final Map<String, ConfigProperty> declared;
    private final Map<String, String> values;

    private ScopedProviderConfig(String providerId, Map<String, ConfigProperty> declared, Map<String, String> values) {
        this.providerId = providerId;
        this.declared = declared;
        this.values = values;
    }

    /**
     * Reads every declared property of the provider.
     *
     * @param lookup the server's configuration by full key (MicroProfile Config in the container)
     */
    public static ScopedProviderConfig read(ProviderDescriptor descriptor, Function<String, Optional<String>> lookup) {
        Map<String, ConfigProperty> declared = new LinkedHashMap<>();
        Map<String, String> values = new LinkedHashMap<>();
        for (ConfigProperty property : descriptor.configProperties()) {
            declared.put(property.name(), property);
            Optional<String> value = Objects.requireNonNull(lookup.apply(key(descriptor.id(), property.name())),
                    "configuration lookup returned null instead of Optional.empty()");
            value.filter(text -> !text.isBlank()).ifPresent(text -> values.put(property.name(), text));
        }
        return new ScopedProviderConfig(descriptor.id(), Map.copyOf(declared), Map.copyOf(values));
    }

    @Override
    public String keyFor(String name) {
        return key(providerId, property(name).name());
    }

    @Override
    public Optional<String> get(String name) {
        ConfigProperty property = property(name);
        if (property.secret()) {
            throw new IllegalArgumentException(keyFor(name) + " is a secret: read it with secret(\"" + name
                    + "\") or findSecret(\"" + name + "\"), never as text");
        }
        return Optional.ofNullable(values.get(name)).or(property::defaultValue);
    }

    @Override
    public Optional<Secret> findSecret(String name) {
        ConfigProperty property = property(name);
        if (!property.secret()) {
            throw new IllegalArgumentException(keyFor(name) + " is not declared secret: read it with get(\""
                    + name + "\"), or declare it with ConfigProperty.secret");
        }
        return Optional.ofNullable(values.get(name)).map(Secret::of);
    }

    /** None of the provider's properties has a value: installed, not set up yet (not a misconfiguration). */
    public boolean nothingSet() {
        return values.isEmpty();
    }

    /** Full keys of the required properties that have no value: the provider must not be created. */
    /**
     * Every set value that does not have its property's declared form ({@link ConfigProperty#type()}), as
     * {@code key: expected …}. Never quotes the value: it may be a secret.
     */
    public List<String> malformed() {
        List<String> malformed = new ArrayList<>();
        for (ConfigProperty property : declared.values()) {
            String value = values.get(property.name());
            if (value != null) {
                property.type().problem(value).ifPresent(problem ->
                        malformed.add(key(providerId, property.name()) + ": " + problem));
            }
        }
        malformed.sort(null); // the same message for the same mistakes, start after start
        return malformed;
    }

    public List<String> missingRequired() {
        List<String> missing = new ArrayList<>();
        for (ConfigProperty property : declared.values()) {
            if (property.required() && !values.containsKey(property.name())) {
                missing.add(key(providerId, property.name()) + " (" + property.description() + ")");
            }
        }
        return missing;
    }

    /**
     * Replaces every set secret value in {@code text} with {@code ***}: for text built from plugin
     * exceptions, which may quote a credential the gateway rejected.
     */
    public String maskSecrets(String text) {
        String result = text;
        for (String secret : secretValues()) {
            result = result.replace(secret, "***");
        }
        return result;
    }

    /** Masks this provider's set secret values (and personal data) in text and exceptions. */
    public Redactor redactor() {
        return Redactor.maskingSecrets(secretValues());
    }

    /** The values of the secret properties that are set, for masking in log lines. */
    Collection<String> secretValues() {
        return declared.values().stream().filter(ConfigProperty::secret).map(property -> values.get(property.name()))
                .filter(Objects::nonNull).collect(Collectors.toList());
    }

    private ConfigProperty property(String name) {
        ConfigProperty property = name == null ? null : declared.get(name);
        if (property == null) {
            throw new IllegalArgumentException("provider " + providerId + " asked for configuration '" + name
                    + "', which its descriptor does not declare; declare every property in configProperties");
        }
        return property;
    }

    private static String key(String providerId, String name) {
        return "tijarat.provider." + providerId + "." + name;
    }

    /** Same provider and the same values: a provider created from one serves for the other. */
    @Override
    public boolean equals(Object other) {
        return other instanceof ScopedProviderConfig config && config.providerId.equals(providerId)
                && config.declared.equals(declared) && config.values.equals(values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(providerId, values);
    }

    @Override
    public String toString() {
        return declared.values().stream()
                .map(property -> property.name() + "=" + (!values.containsKey(property.name()) ? "(not set)"
                        : property.secret() ? "***" : values.get(property.name())))
                .collect(Collectors.joining(", ", "ProviderConfig[" + providerId + ": ", "]"));
    }
}
