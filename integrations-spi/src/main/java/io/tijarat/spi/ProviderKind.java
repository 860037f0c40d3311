package io.tijarat.spi;

/**
 * What a provider does. Each kind has its own factory interface, provider interface and capability
 * enum, in its own package.
 */
public enum ProviderKind {
    /** Takes money: {@code io.tijarat.spi.payment}. */
    PAYMENT,
    /** Moves parcels, and may collect cash on delivery: {@code io.tijarat.spi.shipping}. */
    SHIPPING,
    /** Sends messages to customers: {@code io.tijarat.spi.notification}. */
    NOTIFICATION
}
