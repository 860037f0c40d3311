package io.tijarat.spi.shipping;

import io.tijarat.spi.IdempotencyKey;
import io.tijarat.spi.Money;
import io.tijarat.spi.internal.Checks;
import java.util.Optional;

/**
 * Books one shipment with the courier. The core builds it; plugins read it.
 *
 * <p><b>Idempotency.</b> {@link #orderNumber()} is this booking's reference: the shop's order number, with a
 * suffix ({@code -2}, {@code -3}) when the same order is booked again after a refused or cancelled booking, so
 * it is unique per booking. The plugin sends it as the courier's order reference, the one printed on the slip
 * (Leopards {@code booked_packet_order_id}, TCS {@code customerReferenceNo}, PostEx {@code orderRefNumber}),
 * and finds the booking by it ({@link ShippingProvider#findBooking(ShipmentRequest)}) to settle a lost answer
 * or to avoid booking twice. {@link #bookingKey()} identifies the call: the core sends the same key and the
 * same request when it retries. (Before SPI 1.3 the key was the courier's reference and the slip showed it.)
 *
 * @param bookingKey   this booking's idempotency key
 * @param orderNumber  the booking's reference: the shop's order number (suffixed for a repeated booking),
 *                     printed on the slip and sent as the courier's order reference
 * @param shipper      where the rider picks up; empty for the pickup address registered with the
 *                     courier account
 * @param consignee    who receives it
 * @param parcel       what is shipped
 * @param codAmount    the amount to collect on delivery, in whole rupees, exactly what the customer was
 *                     told; positive; empty for a prepaid order. Only sent to providers that declare
 *                     {@link ShippingCapability#COD}
 * @param serviceCode  a {@link RateQuote#serviceCode()}; empty for the courier's default (overnight)
 * @param contents     what is inside, for the slip, e.g. "2 x cotton shirt"
 * @param instructions for the rider, e.g. "call before delivery"
 * @param reverse      a reverse pickup (since SPI 1.3): the rider collects the parcel from the consignee (the
 *                     customer) and brings it back to the shop; never with a COD amount. Only sent to providers
 *                     that declare {@link ShippingCapability#REVERSE_PICKUP}
 */
public record ShipmentRequest(IdempotencyKey bookingKey, String orderNumber, Optional<ShippingAddress> shipper,
                              ShippingAddress consignee, Parcel parcel, Optional<Money> codAmount,
                              Optional<String> serviceCode, String contents, Optional<String> instructions,
                              boolean reverse) {

    public ShipmentRequest {
        Checks.notNull(bookingKey, "bookingKey");
        Checks.notBlank(orderNumber, "orderNumber", 64);
        Checks.optional(shipper, "shipper");
        Checks.notNull(consignee, "consignee");
        Checks.notNull(parcel, "parcel");
        Checks.optional(codAmount, "codAmount");
        if (codAmount.isPresent() && !codAmount.get().isPositive()) {
            throw new IllegalArgumentException("codAmount must be positive when present; use Optional.empty() for"
                    + " prepaid, was " + codAmount.get());
        }
        if (codAmount.isPresent() && !codAmount.get().isWhole()) {
            throw new IllegalArgumentException("codAmount must be whole rupees (couriers collect no paisa), was "
                    + codAmount.get());
        }
        Checks.optional(serviceCode, "serviceCode");
        Checks.notBlank(contents, "contents");
        Checks.optional(instructions, "instructions");
        if (reverse && codAmount.isPresent()) {
            throw new IllegalArgumentException("a reverse pickup collects no cash: codAmount must be empty");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects a request's parts; {@link #build()} validates them. Not thread-safe. */
    public static final class Builder {
        private IdempotencyKey bookingKey;
        private String orderNumber;
        private ShippingAddress shipper;
        private ShippingAddress consignee;
        private Parcel parcel;
        private Money codAmount;
        private String serviceCode;
        private String contents;
        private String instructions;
        private boolean reverse;

        private Builder() {
        }

        public Builder bookingKey(IdempotencyKey bookingKey) {
            this.bookingKey = bookingKey;
            return this;
        }

        public Builder orderNumber(String orderNumber) {
            this.orderNumber = orderNumber;
            return this;
        }

        public Builder shipper(ShippingAddress shipper) {
            this.shipper = shipper;
            return this;
        }

        public Builder consignee(ShippingAddress consignee) {
            this.consignee = consignee;
            return this;
        }

        public Builder parcel(Parcel parcel) {
            this.parcel = parcel;
            return this;
        }

        public Builder codAmount(Money codAmount) {
            this.codAmount = codAmount;
            return this;
        }

        public Builder serviceCode(String serviceCode) {
            this.serviceCode = serviceCode;
            return this;
        }

        public Builder contents(String contents) {
            this.contents = contents;
            return this;
        }

        public Builder instructions(String instructions) {
            this.instructions = instructions;
            return this;
        }

        /** A reverse pickup: from the consignee back to the shop (since SPI 1.3). */
        public Builder reverse(boolean reverse) {
            this.reverse = reverse;
            return this;
        }

        public ShipmentRequest build() {
            return new ShipmentRequest(bookingKey, orderNumber, Optional.ofNullable(shipper), consignee, parcel,
                    Optional.ofNullable(codAmount), Optional.ofNullable(serviceCode), contents,
                    Optional.ofNullable(instructions), reverse);
        }
    }
}
