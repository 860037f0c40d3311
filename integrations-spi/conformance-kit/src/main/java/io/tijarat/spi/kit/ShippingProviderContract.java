package io.tijarat.spi.kit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.tijarat.spi.CallbackRequest;
import io.tijarat.spi.Capability;
import io.tijarat.spi.IdempotencyKey;
import io.tijarat.spi.ProviderConfig;
import io.tijarat.spi.ProviderFactory;
import io.tijarat.spi.ProviderKind;
import io.tijarat.spi.TransientProviderException;
import io.tijarat.spi.shipping.BookingOutcome;
import io.tijarat.spi.shipping.CityCoverage;
import io.tijarat.spi.shipping.RateQuote;
import io.tijarat.spi.shipping.RateRequest;
import io.tijarat.spi.shipping.ShipmentRequest;
import io.tijarat.spi.shipping.ShippingCapability;
import io.tijarat.spi.shipping.ShippingProvider;
import io.tijarat.spi.shipping.ShippingProviderFactory;
import io.tijarat.spi.shipping.TrackingCallbackOutcome;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shipping contract, smaller than the payment one. Beyond the cases every provider passes (see
 * {@link ProviderContract}): coverage answers about the city asked; quotes, where declared, come
 * cheapest first; a booking repeated with one key sends the courier the same order reference (or, with
 * no courier API, gives the same outcome); a booking that may have reached the courier without a usable
 * answer is {@code Unknown}; a refused connection is a {@link TransientProviderException}. With
 * {@link ShippingCapability#TRACKING_WEBHOOKS}: a signed webhook is verified, with the same event key
 * every time; the same webhook with any letter or digit of its body changed, or with an empty body, is
 * rejected — as a result, not an exception.
 */
public abstract class ShippingProviderContract extends ProviderContract<ShippingProviderFactory, ShippingProvider> {

    // ----------------------------------------------------------------------------------------- hooks

    /** A city the provider serves; Karachi unless overridden. */
    protected String sampleCity() {
        return "Karachi";
    }

    /** The booking the cases make; {@link SampleRequests#shipment} unless overridden. */
    protected ShipmentRequest sampleShipment(IdempotencyKey bookingKey) {
        return SampleRequests.shipment(bookingKey);
    }

    /** The rate request the quote case asks; 800 g to {@link #sampleCity()} unless overridden. */
    protected RateRequest sampleRate() {
        return SampleRequests.rate(sampleCity(), 800);
    }

    /** Programs the stub for the reads coverage and quotes need (a city list, a tariff); none by default. */
    protected void stubReads(WireMockServer gateway) {
    }

    /** Programs the stub to accept the {@link #sampleShipment} booking. Needed when {@link #talksToGateway()}. */
    protected void stubBooking(WireMockServer gateway) {
        throw missingGatewayHook("stubBooking(WireMockServer)");
    }

    /**
     * A tracking webhook as the courier would send it, signed with the secret in {@code config} (the
     * provider's configuration in this test: secrets the test left unset hold canary values), about a
     * parcel of any status. {@link SampleRequests#webhook} builds one. Needed when the provider declares
     * {@link ShippingCapability#TRACKING_WEBHOOKS}.
     */
    protected CallbackRequest signedTrackingCallback(ProviderConfig config) {
        throw new UnsupportedOperationException("override signedTrackingCallback(ProviderConfig) in "
                + getClass().getSimpleName() + ": the provider declares TRACKING_WEBHOOKS, so the contract needs it");
    }

    // ------------------------------------------------------------------------------------- reads

    @Test
    public final void givenTheSampleCity_whenCoverageIsAsked_thenTheAnswerIsAboutThatCity() {
        if (talksToGateway()) {
            stubReads(gateway().server());
        }

        CityCoverage coverage = provider().coverage(sampleCity());

        assertEquals(sampleCity(), coverage.city(), "coverage must answer for the city as asked");
        assertTrue(coverage.delivery(), () -> "the sample city " + sampleCity() + " is not served: override sampleCity()");
    }

    @Test
    public final void givenDeclaredRates_whenTheSampleParcelIsQuoted_thenQuotesComeCheapestFirst() {
        assumeTrue(factory().descriptor().supports(ShippingCapability.RATES), "the provider does not declare RATES");
        if (talksToGateway()) {
            stubReads(gateway().server());
        }

        List<RateQuote> quotes = provider().quote(sampleRate());

        assertEquals(quotes.stream().sorted(Comparator.comparing(RateQuote::charge)).toList(), quotes,
                "quotes must come cheapest first");
    }

    // ----------------------------------------------------------------------------------- booking

    @Test
    public final void givenNoCourierApi_whenOneShipmentIsBookedTwice_thenBothCallsGiveTheSameOutcome() {
        assumeFalse(talksToGateway(), "the provider calls a courier: see the courier reference case");
        ShipmentRequest request = sampleShipment(SampleRequests.newKey());

        assertEquals(provider().book(request), provider().book(request));
    }

    @Test
    public final void givenOneBookingKey_whenBookedTwice_thenTheCourierSeesTheSameReferenceBothTimes() {
        stubBooking(gateway().server());
        IdempotencyKey bookingKey = SampleRequests.newKey();

        provider().book(sampleShipment(bookingKey));
        provider().book(sampleShipment(bookingKey));

        References.assertSameReferenceForwarded(gateway().requests(), this::referenceSentIn, bookingKey, 2);
    }

    @Test
    public final void givenACourierThatAnswersAfterTheBudget_whenBooking_thenUnknown() {
        stubBooking(gateway().server());
        gateway().delayEverything(LATE);
        ShippingProvider hurried = newProvider(builder -> builder.responseTimeout(SHORT_BUDGET));

        assertUnknown(answer(hurried, "a response timeout"));
    }

    @Test
    public final void givenAnHtmlPageWithStatus200_whenBooking_thenUnknown() {
        gateway().answerEverythingWithHtmlPage();

        assertUnknown(answer(provider(), "an HTML page"));
    }

    @Test
    public final void givenARefusedConnection_whenBooking_thenTransientFailureBecauseNothingWasSent() {
        ShippingProvider unreachable = unreachableProvider();

        TransientProviderException failure = assertThrows(TransientProviderException.class,
                () -> unreachable.book(sampleShipment(SampleRequests.newKey())));

        assertNoSecretIn(failure.getMessage(), "the failure's message");
    }

    // ------------------------------------------------------------------------------ tracking webhooks

    @Test
    public final void givenTrackingWebhooks_whenASignedWebhookIsVerifiedTwice_thenVerifiedWithTheSameEventKey() {
        assumeTrue(factory().descriptor().supports(ShippingCapability.TRACKING_WEBHOOKS),
                "the provider does not declare TRACKING_WEBHOOKS");
        CallbackRequest signed = signedTrackingCallback(context().config());

        TrackingCallbackOutcome first = verify(signed, "a signed webhook");
        TrackingCallbackOutcome again = verify(signed, "a signed webhook");

        TrackingCallbackOutcome.Verified verified = assertInstanceOf(TrackingCallbackOutcome.Verified.class, first,
                () -> "a correctly signed webhook must be Verified, was " + first);
        assertEquals(verified.eventKey(), assertInstanceOf(TrackingCallbackOutcome.Verified.class, again).eventKey(),
                "a redelivery must carry the same event key, or the core applies it twice");
        if (talksToGateway()) {
            assertEquals(List.of(), gateway().requests(), "verifying a webhook must not call the courier");
        }
    }

    @Test
    public final void givenTrackingWebhooks_whenTheSignedWebhooksBodyIsTampered_thenRejected() {
        assumeTrue(factory().descriptor().supports(ShippingCapability.TRACKING_WEBHOOKS),
                "the provider does not declare TRACKING_WEBHOOKS");
        CallbackRequest signed = signedTrackingCallback(context().config());
        byte[] body = signed.body();

        for (int position : tamperablePositions(body)) {
            byte[] tampered = body.clone();
            tampered[position] = neighbour(tampered[position]);
            assertRejected(withBody(signed, tampered), "the signed webhook with byte " + position + " changed ('"
                    + (char) body[position] + "' to '" + (char) tampered[position] + "')");
        }
        assertRejected(withBody(signed, new byte[0]), "the signed webhook's headers with an empty body");
    }

    private TrackingCallbackOutcome verify(CallbackRequest request, String what) {
        return assertDoesNotThrow(() -> provider().verifyTrackingCallback(request),
                () -> what + " must be answered with an outcome, not an exception");
    }

    private void assertRejected(CallbackRequest request, String what) {
        TrackingCallbackOutcome outcome = verify(request, what);
        TrackingCallbackOutcome.Rejected rejected = assertInstanceOf(TrackingCallbackOutcome.Rejected.class, outcome,
                () -> what + " must be Rejected: anyone could move a parcel to delivered. Verify the courier's"
                        + " signature over the raw body; was " + outcome);
        assertNoSecretIn(rejected.reason(), "the rejection's reason");
    }

    /** Letters and digits of the body, at most 200 of them spread evenly: changing any must break the signature. */
    private static List<Integer> tamperablePositions(byte[] body) {
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < body.length; i++) {
            if (Character.isLetterOrDigit(body[i])) {
                positions.add(i);
            }
        }
        assertFalse(positions.isEmpty(), "signedTrackingCallback returned a body without letters or digits");
        int step = Math.max(1, positions.size() / 200);
        List<Integer> chosen = new ArrayList<>();
        for (int i = 0; i < positions.size(); i += step) {
            chosen.add(positions.get(i));
        }
        return chosen;
    }

    /** Another character of the same kind, so the body stays as readable as before (a→b, z→y, 0→1, 9→8). */
    private static byte neighbour(byte b) {
        return switch (b) {
            case 'z', 'Z', '9' -> (byte) (b - 1);
            default -> (byte) (b + 1);
        };
    }

    private static CallbackRequest withBody(CallbackRequest request, byte[] body) {
        return new CallbackRequest(request.source(), request.method(), request.uri(), request.headers(), body,
                request.remoteAddress());
    }

    // ------------------------------------------------------------------------------- internals

    private BookingOutcome answer(ShippingProvider provider, String situation) {
        return assertDoesNotThrow(() -> provider.book(sampleShipment(SampleRequests.newKey())),
                () -> situation + " after the booking went out is an answer to map (Unknown), not an exception");
    }

    private void assertUnknown(BookingOutcome outcome) {
        BookingOutcome.Unknown unknown = assertInstanceOf(BookingOutcome.Unknown.class, outcome,
                "the booking may have reached the courier, so the answer is Unknown (settled by lookup or staff)");
        assertNoSecretIn(unknown.detail(), "the Unknown detail");
    }

    @Override
    final Class<? extends ProviderFactory<?>> factoryInterface() {
        return ShippingProviderFactory.class;
    }

    @Override
    final ProviderKind kind() {
        return ProviderKind.SHIPPING;
    }

    @Override
    final Class<?> providerInterface() {
        return ShippingProvider.class;
    }

    @Override
    final Map<Capability, Method> optionalOperations() {
        try {
            Class<ShippingProvider> type = ShippingProvider.class;
            return Map.of(
                    ShippingCapability.RATES, type.getMethod("quote", RateRequest.class),
                    ShippingCapability.BOOKING_LOOKUP, type.getMethod("findBooking", IdempotencyKey.class),
                    ShippingCapability.LABELS, type.getMethod("label", String.class),
                    ShippingCapability.TRACKING, type.getMethod("track", String.class),
                    ShippingCapability.CANCEL, type.getMethod("cancel", IdempotencyKey.class, String.class),
                    ShippingCapability.COD_REMITTANCE, type.getMethod("remittances", List.class),
                    ShippingCapability.TRACKING_WEBHOOKS, type.getMethod("verifyTrackingCallback",
                            CallbackRequest.class));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("the SPI's ShippingProvider changed", e);
        }
    }
}
