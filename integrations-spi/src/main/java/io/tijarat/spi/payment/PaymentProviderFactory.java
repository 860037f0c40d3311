package io.tijarat.spi.payment;

import io.tijarat.spi.ProviderFactory;

/**
 * The {@link java.util.ServiceLoader} entry point of a payment plugin: list the implementing class in
 * {@code META-INF/services/io.tijarat.spi.payment.PaymentProviderFactory}. Its descriptor's kind is
 * {@link io.tijarat.spi.ProviderKind#PAYMENT} and its capabilities are {@link PaymentCapability}
 * constants. See {@link ProviderFactory} for the lifecycle.
 */
public interface PaymentProviderFactory extends ProviderFactory<PaymentProvider> {
}
