package io.tijarat.spi;

import io.tijarat.spi.internal.Checks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who a provider is and what it can do, declared by its factory and read by the core before anything
 * is created: to validate configuration, build admin screens, and decide which optional operations
 * it may call.
 *
 * <p>The {@link #id()} is the provider's public name forever: it appears in configuration keys
 * ({@code tijarat.provider.<id>.*}), admin screens and stored payment and shipment records. Never
 * change it, even when the plugin is rewritten. The ids of the project's own plugins are
 * {@linkplain #isReserved(String) reserved}: a third party must choose another (e.g. {@code acme-jazzcash}).
 *
 * <p>Build one with {@link #builder(String, ProviderKind)}. Immutable and thread-safe.
 *
 * @param id               lower-case and stable: {@code [a-z][a-z0-9-]{1,39}}
 * @param displayName      the name shops see, e.g. {@code "JazzCash"}
 * @param kind             must match the factory interface the plugin implements
 * @param pluginVersion    the plugin's own version, for support and logs (not the SPI version)
 * @param capabilities     optional features, all of this {@code kind}
 * @param configProperties every property the provider reads, with unique names
 * @param defaultTimeout   the time budget for one call, from start to outcome, including the
 *                         gateway's slowest normal answer (a JazzCash wallet payment waits for the
 *                         customer's MPIN); the operator may override it; more than 0, at most 5
 *                         minutes
 */
public record ProviderDescriptor(String id, String displayName, ProviderKind kind, String pluginVersion,
                                 Set<Capability> capabilities, List<ConfigProperty> configProperties,
                                 Duration defaultTimeout) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{1,39}");

    /**
     * The ids of the plugins the project bundles or is writing (since 1.2). Together with every id starting
     * with one of {@link #RESERVED_PREFIXES} they are reserved: configuration keys and stored records use the
     * id, so a third-party plugin using one would take over the bundled plugin's settings and history.
     */
    public static final Set<String> RESERVED_IDS = Set.of("jazzcash", "easypaisa", "cod", "bank-transfer",
            "flat-rate", "email-smtp", "tcs", "leopards", "postex", "twilio", "whatsapp");

    /** Prefixes reserved for the project's own plugins (since 1.2): {@code sms-<gateway>}, {@code tijarat-…}. */
    public static final Set<String> RESERVED_PREFIXES = Set.of("sms-", "tijarat-");
    private static final Duration MAX_TIMEOUT = Duration.ofMinutes(5);

    public ProviderDescriptor {
        Checks.notNull(id, "provider id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("provider id '" + id + "' must be 2 to 40 characters of a-z, 0-9"
                    + " and '-', starting with a letter (it becomes part of configuration keys)");
        }
        Checks.notBlank(displayName, "displayName of provider " + id, 80);
        Checks.notNull(kind, "kind of provider " + id);
        Checks.notBlank(pluginVersion, "pluginVersion of provider " + id, 64);
        capabilities = Collections.unmodifiableSet(new LinkedHashSet<>(
                Checks.noNullElements(capabilities, "capabilities of provider " + id)));
        for (Capability capability : capabilities) {
            if (capability.kind() != kind) {
                throw new IllegalArgumentException("provider " + id + " is a " + kind + " provider but declares the "
                        + capability.kind() + " capability " + capability.name());
            }
        }
        configProperties = List.copyOf(Checks.noNullElements(configProperties, "configProperties of provider " + id));
        Set<String> names = new HashSet<>();
        for (ConfigProperty property : configProperties) {
            if (!names.add(property.name())) {
                throw new IllegalArgumentException("provider " + id + " declares config property "
                        + property.name() + " twice");
            }
        }
        Checks.positive(defaultTimeout, "defaultTimeout of provider " + id);
        if (defaultTimeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException("defaultTimeout of provider " + id + " must be at most "
                    + MAX_TIMEOUT + ", was " + defaultTimeout);
        }
    }

    /**
     * Whether {@code id} belongs to the project's own plugins (since 1.2). The conformance kit fails a
     * plugin outside the project's {@code io.tijarat.plugin} packages that uses one.
     */
    public static boolean isReserved(String id) {
        return id != null && (RESERVED_IDS.contains(id) || RESERVED_PREFIXES.stream().anyMatch(id::startsWith));
    }

    public static Builder builder(String id, ProviderKind kind) {
        return new Builder(id, kind);
    }

    /** Whether the provider declared a capability. */
    public boolean supports(Capability capability) {
        return capabilities.contains(capability);
    }

    /**
     * Collects a descriptor's parts; {@link #build()} validates them all at once. Not thread-safe
     * (build the descriptor once, in the factory's constructor or a static field).
     */
    public static final class Builder {
        private final String id;
        private final ProviderKind kind;
        private String displayName;
        private String pluginVersion;
        private final Set<Capability> capabilities = new LinkedHashSet<>();
        private final List<ConfigProperty> configProperties = new ArrayList<>();
        private Duration defaultTimeout;

        private Builder(String id, ProviderKind kind) {
            this.id = id;
            this.kind = kind;
        }

        public Builder displayName(String displayName) {
            this.displayName = displayName;
            return this;
        }

        public Builder pluginVersion(String pluginVersion) {
            this.pluginVersion = pluginVersion;
            return this;
        }

        public Builder capabilities(Capability... capabilities) {
            this.capabilities.addAll(Arrays.asList(capabilities));
            return this;
        }

        public Builder property(ConfigProperty property) {
            this.configProperties.add(property);
            return this;
        }

        public Builder defaultTimeout(Duration defaultTimeout) {
            this.defaultTimeout = defaultTimeout;
            return this;
        }

        /** @throws IllegalArgumentException or NullPointerException naming the first invalid part */
        public ProviderDescriptor build() {
            return new ProviderDescriptor(id, displayName, kind, pluginVersion, capabilities, configProperties,
                    defaultTimeout);
        }
    }
}
