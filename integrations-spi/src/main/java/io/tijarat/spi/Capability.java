package io.tijarat.spi;

/**
 * An optional feature a provider declares in its {@link ProviderDescriptor}. The core calls an
 * optional operation only on a provider that declared the matching capability, and offers the
 * feature to shops (refund buttons, label printing, remittance reports) only then.
 *
 * <p>Implemented only by the SPI's own enums: {@code PaymentCapability}, {@code ShippingCapability}
 * and {@code NotificationCapability}. New constants may be added in a minor version; a plugin built
 * against an older minor simply does not declare them.
 */
public interface Capability {

    /** The provider kind this capability belongs to. */
    ProviderKind kind();

    /** The constant's name, as shown on admin screens. */
    String name();
}
