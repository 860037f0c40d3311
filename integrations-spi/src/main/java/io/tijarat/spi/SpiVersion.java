package io.tijarat.spi;

import io.tijarat.spi.internal.Checks;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A version of this contract, {@code major.minor}. A plugin declares the version it was compiled
 * against in its jar manifest, as {@value #MANIFEST_ATTRIBUTE}; the server loads it only if its own
 * {@link #CURRENT} version {@linkplain #isCompatibleWith(SpiVersion) is compatible}.
 *
 * <p>The rule: same major, and the plugin's minor no greater than the server's. A minor version only
 * adds (new types, default methods, capability constants), so a plugin built for 1.0 runs on a 1.3
 * server; a plugin built for 1.3 may use what a 1.0 server lacks, so it is refused there. A new
 * major version may break anything, so plugins for another major are refused.
 *
 * <p>What each version added: <b>1.0</b> the contract; <b>1.1</b> tracking webhooks
 * ({@link io.tijarat.spi.shipping.ShippingCapability#TRACKING_WEBHOOKS},
 * {@link io.tijarat.spi.shipping.ShippingProvider#verifyTrackingCallback},
 * {@link io.tijarat.spi.shipping.TrackingCallbackOutcome}) and the delivery city in payment requests
 * ({@link io.tijarat.spi.payment.PaymentRequest#deliveryCity()}); <b>1.2</b> refunds that settle: the paying
 * instrument in refund requests ({@link io.tijarat.spi.payment.RefundRequest#method()}), asking about an open
 * refund ({@link io.tijarat.spi.payment.PaymentProvider#refundStatus}) and the outcome
 * {@link io.tijarat.spi.payment.RefundOutcome.NotSupported}, and exhaustive handling of payment outcomes and
 * customer actions ({@link io.tijarat.spi.payment.PaymentOutcome.Cases},
 * {@link io.tijarat.spi.payment.CustomerAction.Cases}) — and, later in 1.2, reserved provider ids; <b>1.3</b> the
 * shipping contract a real courier needs: whole-rupee COD amounts ({@link Money#isWhole()}), the order number as
 * the booking's reference and lookup by it ({@link io.tijarat.spi.shipping.ShippingProvider#findBooking(
 * io.tijarat.spi.shipping.ShipmentRequest)}), COD payout reports by date with deductions for returns
 * ({@link io.tijarat.spi.shipping.ShippingCapability#REMITTANCE_REPORTS},
 * {@link io.tijarat.spi.shipping.RemittanceRecord#deduction}), failed delivery attempts
 * ({@link io.tijarat.spi.shipping.TrackingStatus#ATTEMPT_FAILED}) and reverse pickups
 * ({@link io.tijarat.spi.shipping.ShippingCapability#REVERSE_PICKUP}); <b>1.4</b> inbound messages: customers'
 * replies and pushed delivery reports read by {@link io.tijarat.spi.notification.NotificationProvider#verifyInbound}
 * ({@link io.tijarat.spi.notification.InboundOutcome},
 * {@link io.tijarat.spi.notification.NotificationCapability#INBOUND_MESSAGES},
 * {@link io.tijarat.spi.notification.NotificationCapability#DELIVERY_WEBHOOKS}); <b>1.5</b> a courier tariff by weight for
 * couriers without a rates API ({@link io.tijarat.spi.shipping.WeightTariff}).
 *
 * @param major incremented for an incompatible change
 * @param minor incremented for a compatible addition
 */
public record SpiVersion(int major, int minor) {

    /** The manifest attribute in which a plugin jar declares the SPI version it was built against. */
    public static final String MANIFEST_ATTRIBUTE = "Tijarat-SPI-Version";

    /**
     * The version of this jar. Kept equal to the build's {@code tijarat.spi.version} (which also goes
     * into this jar's manifest) by a test.
     */
    public static final SpiVersion CURRENT = new SpiVersion(1, 5);

    private static final Pattern TEXT = Pattern.compile("(0|[1-9]\\d{0,3})\\.(0|[1-9]\\d{0,3})");

    public SpiVersion {
        if (major < 0 || minor < 0) {
            throw new IllegalArgumentException("SPI version parts must be >= 0, was " + major + "." + minor);
        }
    }

    /**
     * Reads {@code major.minor}, e.g. {@code "1.0"}. Surrounding whitespace is ignored; anything else
     * ({@code "1"}, {@code "1.0.2"}, {@code "v1.0"}) is refused, so a typo in a manifest is caught
     * instead of guessed at.
     *
     * @throws IllegalArgumentException with a message fit for the operator
     */
    public static SpiVersion parse(String text) {
        Checks.notNull(text, "SPI version");
        Matcher matcher = TEXT.matcher(text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException(MANIFEST_ATTRIBUTE + " must be major.minor, e.g. "
                    + CURRENT + ", was '" + text + "'");
        }
        return new SpiVersion(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
    }

    /** Whether a plugin built against {@code declared} can run on this version. */
    public boolean isCompatibleWith(SpiVersion declared) {
        Checks.notNull(declared, "declared SPI version");
        return declared.major == major && declared.minor <= minor;
    }

    /**
     * Whether a plugin declaring {@code declared} (a manifest value) can run on this version; a
     * missing or malformed value is not compatible. Use {@link #parse(String)} first to tell the
     * operator why.
     */
    public boolean isCompatibleWith(String declared) {
        if (declared == null) {
            return false;
        }
        try {
            return isCompatibleWith(parse(declared));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
