package io.tijarat.spi.shipping;

import io.tijarat.spi.ProviderFactory;

/**
 * The {@link java.util.ServiceLoader} entry point of a shipping plugin: list the implementing class
 * in {@code META-INF/services/io.tijarat.spi.shipping.ShippingProviderFactory}. Its descriptor's kind
 * is {@link io.tijarat.spi.ProviderKind#SHIPPING} and its capabilities are {@link ShippingCapability}
 * constants. See {@link ProviderFactory} for the lifecycle.
 */
public interface ShippingProviderFactory extends ProviderFactory<ShippingProvider> {
}
