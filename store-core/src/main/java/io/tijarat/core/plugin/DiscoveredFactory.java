package io.tijarat.core.plugin;

import io.tijarat.spi.ProviderDescriptor;
import io.tijarat.spi.ProviderFactory;

/**
 * A factory found in a plugin jar, instantiated once, with the descriptor it returned (read once: the
 * contract says it never changes). Immutable; the factory itself is thread-safe per the SPI.
 */
record DiscoveredFactory(ProviderType<?> type, ProviderFactory<?> factory, ProviderDescriptor descriptor) {

    String className() {
        return factory.getClass().getName();
    }
}
