package io.tijarat.spi;

import java.util.Optional;

/**
 * A provider's own configuration: the properties under {@code tijarat.provider.<provider id>.}, and
 * nothing else (a plugin cannot read another provider's keys or the server's).
 *
 * <p>Names are relative ({@code merchant-id}, not the full key) and must be declared in the
 * provider's {@link ProviderDescriptor#configProperties()}: asking for an undeclared name, or reading
 * a secret property through {@link #get(String)}, throws {@link IllegalArgumentException} — a plugin
 * bug the first test will catch. Declared defaults are already applied.
 *
 * <p>Implemented by the core. A snapshot: values do not change under a running provider; when the
 * operator changes the configuration, the core creates a new provider. Thread-safe.
 */
public interface ProviderConfig {

    /** The full key the operator sets for a name, e.g. {@code tijarat.provider.jazzcash.merchant-id}. */
    String keyFor(String name);

    /** The configured value, else the declared default, else empty. Never blank. */
    Optional<String> get(String name);

    /** A secret property's value, if set. */
    Optional<Secret> findSecret(String name);

    /**
     * The configured value of a property the provider cannot work without.
     *
     * @throws PermanentProviderException naming the full key, if it is not set
     */
    default String require(String name) {
        return get(name).orElseThrow(() -> missing(name));
    }

    /**
     * A secret the provider cannot work without.
     *
     * @throws PermanentProviderException naming the full key, if it is not set
     */
    default Secret secret(String name) {
        return findSecret(name).orElseThrow(() -> missing(name));
    }

    private PermanentProviderException missing(String name) {
        return new PermanentProviderException("configuration " + keyFor(name)
                + " is not set: set it in the server configuration (or the admin screen) and reload the provider");
    }
}
