/**
 * Shipping providers: couriers that book, carry and track parcels, and may collect cash on delivery
 * and remit it to the shop (TCS, Leopards, PostEx).
 *
 * <p>A parcel's life through this SPI: {@link io.tijarat.spi.shipping.ShippingProvider#coverage
 * coverage} and {@link io.tijarat.spi.shipping.ShippingProvider#quote quote} at checkout;
 * {@link io.tijarat.spi.shipping.ShippingProvider#book book} when the order ships (keyed by an
 * {@link io.tijarat.spi.IdempotencyKey}); {@link io.tijarat.spi.shipping.ShippingProvider#track track}
 * polled until a final status, or pushed by the courier to the shop's webhook and read by
 * {@link io.tijarat.spi.shipping.ShippingProvider#verifyTrackingCallback verifyTrackingCallback} (since
 * SPI 1.1); for cash on delivery,
 * {@link io.tijarat.spi.shipping.ShippingProvider#remittances remittances} until the money arrives.
 */
package io.tijarat.spi.shipping;
