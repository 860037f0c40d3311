package io.tijarat.core.plugin;

import io.tijarat.spi.ProviderFactory;
import io.tijarat.spi.ProviderKind;
import io.tijarat.spi.notification.NotificationProvider;
import io.tijarat.spi.notification.NotificationProviderFactory;
import io.tijarat.spi.payment.PaymentProvider;
import io.tijarat.spi.payment.PaymentProviderFactory;
import io.tijarat.spi.shipping.ShippingProvider;
import io.tijarat.spi.shipping.ShippingProviderFactory;
import java.util.List;

/**
 * A {@link ProviderKind} with its factory and provider interfaces, so that
 * {@code registry.acquire("jazzcash", ProviderType.PAYMENT)} returns a lease typed
 * {@code PaymentProvider}. Immutable; the three constants are the only instances.
 *
 * @param <P> the provider interface
 */
public final class ProviderType<P> {

    public static final ProviderType<PaymentProvider> PAYMENT =
            new ProviderType<>(ProviderKind.PAYMENT, PaymentProviderFactory.class, PaymentProvider.class);
    public static final ProviderType<ShippingProvider> SHIPPING =
            new ProviderType<>(ProviderKind.SHIPPING, ShippingProviderFactory.class, ShippingProvider.class);
    public static final ProviderType<NotificationProvider> NOTIFICATION = new ProviderType<>(
            ProviderKind.NOTIFICATION, NotificationProviderFactory.class, NotificationProvider.class);

    private static final List<ProviderType<?>> ALL = List.of(PAYMENT, SHIPPING, NOTIFICATION);

    private final ProviderKind kind;
    private final Class<? extends ProviderFactory<P>> factoryInterface;
    private final Class<P> providerInterface;

    private ProviderType(ProviderKind kind, Class<? extends ProviderFactory<P>> factoryInterface,
                         Class<P> providerInterface) {
        this.kind = kind;
        this.factoryInterface = factoryInterface;
        this.providerInterface = providerInterface;
    }

    /** All types, in {@link ProviderKind} order. */
    public static List<ProviderType<?>> all() {
        return ALL;
    }

    public static ProviderType<?> of(ProviderKind kind) {
        return ALL.stream().filter(type -> type.kind == kind).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no provider type for kind " + kind));
    }

    public ProviderKind kind() {
        return kind;
    }

    /** The {@link java.util.ServiceLoader} service a plugin lists its factory under. */
    public Class<? extends ProviderFactory<P>> factoryInterface() {
        return factoryInterface;
    }

    public Class<P> providerInterface() {
        return providerInterface;
    }

    @Override
    public String toString() {
        return kind.name();
    }
}
