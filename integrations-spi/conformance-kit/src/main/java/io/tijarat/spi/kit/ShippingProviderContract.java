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
import io.tijarat.spi.shipping.TrackingStatus;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.Optional;
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

    // ---------------------------------------------------------------- courier hooks (since SPI 1.3)
    // Each case below that needs one of these is skipped, and says so, until the plugin's test overrides it.

    /**
     * The cash-on-delivery amount the plugin put in one request it sent to the courier, as sent (e.g. {@code "2450"});
     * {@code null} for a request that carries none. Needed for the whole-rupee case when the provider declares
     * {@link ShippingCapability#COD}.
     */
    protected String codAmountSentIn(LoggedRequest request) {
        return null;
    }

    /**
     * Each of the courier's tracking status codes (as the courier sends them) with the status it must map to; every
     * documented code belongs here. Needed for the tracking case when the provider declares
     * {@link ShippingCapability#TRACKING}.
     */
    protected Map<String, TrackingStatus> trackingCodes() {
        return Map.of();
    }

    /** Programs the stub so that tracking {@code trackingNumber} answers with the courier's {@code code}. */
    protected void stubTracking(WireMockServer gateway, String trackingNumber, String code) {
        throw missingGatewayHook("stubTracking(WireMockServer, String, String)");
    }

    /** A tracking number the tracking and label cases use; any the stub accepts. */
    protected String sampleTrackingNumber() {
        return "123456789012";
    }

    /** Programs the stub to cancel {@link #sampleTrackingNumber()}; {@code false} (the default) skips the cancel case. */
    protected boolean stubCancel(WireMockServer gateway) {
        return false;
    }

    /** Programs the stub to give the label of {@link #sampleTrackingNumber()}; {@code false} skips the label case. */
    protected boolean stubLabel(WireMockServer gateway) {
        return false;
    }

    /**
     * Programs the stub to refuse the configured credentials, as the courier does (its status and body, often HTTP 200
     * with an error); {@code false} (the default) skips the case.
     */
    protected boolean stubWrongCredentials(WireMockServer gateway) {
        return false;
    }

    /**
     * Programs the stub to refuse the sample booking with HTTP 200 and an error in the body, the way the courier
     * does (PostEx {@code statusCode:"404"}, Leopards {@code status:0}); {@code false} skips the case.
     */
    protected boolean stubBookingErrorWith200(WireMockServer gateway) {
        return false;
    }

    /** A city of {@link io.tijarat.spi.geo.PakistanCities} the courier does not serve; empty skips the case. */
    protected Optional<String> unservedCity() {
        return Optional.empty();
    }

    /**
     * Programs the stub so that what the plugin reads before it books (the city list, a login) fails — an HTTP 503
     * for it; {@code false} (the default) skips the case. The booking request must then not go out, and the
     * answer is certain: a {@link TransientProviderException} or a Rejected, never Unknown.
     */
    protected boolean stubReadsBeforeBookingDown(WireMockServer gateway) {
        return false;
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
    public final void givenOneBooking_whenBookedTwice_thenTheCourierSeesItsOrderNumberAsTheReferenceBothTimes() {
        stubBooking(gateway().server());
        ShipmentRequest request = sampleShipment(SampleRequests.newKey());

        provider().book(request);
        provider().book(request);

        References.assertSameReferenceSent(gateway().requests(), this::referenceSentIn, request.orderNumber(), 2);
    }

    @Test
    public final void givenACashOnDeliveryOrder_whenBooked_thenTheCourierIsAskedToCollectExactlyTheWholeRupees() {
        assumeTrue(factory().descriptor().supports(ShippingCapability.COD), "the provider does not declare COD");
        assumeTrue(talksToGateway(), "no courier API to send the amount to");
        stubBooking(gateway().server());
        ShipmentRequest request = SampleRequests.codShipment(SampleRequests.newKey(), 2_450);

        provider().book(request);

        List<String> amounts = gateway().requests().stream().map(this::codAmountSentIn)
                .filter(java.util.Objects::nonNull).toList();
        assumeFalse(amounts.isEmpty(), "override codAmountSentIn(LoggedRequest) to check the COD amount sent");
        for (String amount : amounts) {
            assertEquals(0, new java.math.BigDecimal(amount.strip()).compareTo(java.math.BigDecimal.valueOf(2_450)),
                    () -> "the customer was told Rs 2,450 and the rider must collect exactly that, but the courier was"
                            + " sent " + amount);
        }
    }

    @Test
    public final void givenAFailureBeforeTheBookingIsSent_whenBooking_thenTheAnswerIsCertainNotUnknown() {
        assumeTrue(talksToGateway(), "no courier API");
        assumeTrue(stubReadsBeforeBookingDown(gateway().server()),
                "override stubReadsBeforeBookingDown(WireMockServer) to check failures before the booking");

        try {
            BookingOutcome outcome = provider().book(sampleShipment(SampleRequests.newKey()));
            assertInstanceOf(BookingOutcome.Rejected.class, outcome, () -> "nothing was booked for certain (the"
                    + " courier was never asked to book), so the answer is a transient failure or Rejected, not "
                    + outcome + ": an Unknown would make staff check the courier's portal for nothing");
        } catch (TransientProviderException expected) {
            assertNoSecretIn(expected.getMessage(), "the failure's message");
        }
    }

    @Test
    public final void givenAnErrorInsideAnHttp200_whenBooking_thenRejectedNotBooked() {
        assumeTrue(talksToGateway(), "no courier API");
        assumeTrue(stubBookingErrorWith200(gateway().server()),
                "override stubBookingErrorWith200(WireMockServer) to check the HTTP 200 error quirk");

        BookingOutcome outcome = answer(provider(), "an error inside an HTTP 200");

        BookingOutcome.Rejected rejected = assertInstanceOf(BookingOutcome.Rejected.class, outcome,
                () -> "the courier said no, in the body of an HTTP 200: read the body; was " + outcome);
        assertNoSecretIn(rejected.message(), "the rejection's message");
    }

    @Test
    public final void givenWrongCredentials_whenBooking_thenAPermanentFailureWithoutTheSecret() {
        assumeTrue(talksToGateway(), "no courier API");
        assumeTrue(stubWrongCredentials(gateway().server()),
                "override stubWrongCredentials(WireMockServer) to check wrong credentials");

        io.tijarat.spi.PermanentProviderException failure = assertThrows(io.tijarat.spi.PermanentProviderException.class,
                () -> provider().book(sampleShipment(SampleRequests.newKey())),
                "refused credentials need the operator, not a retry: a PermanentProviderException");

        assertNoSecretIn(failure.getMessage(), "the failure's message");
    }

    @Test
    public final void givenACityTheCourierDoesNotServe_whenCoverageIsAsked_thenNotServed() {
        assumeTrue(unservedCity().isPresent(), "override unservedCity() to check an unserved city");
        if (talksToGateway()) {
            stubReads(gateway().server());
        }

        CityCoverage coverage = provider().coverage(unservedCity().get());

        assertFalse(coverage.delivery(), () -> unservedCity().get() + " is not served, so checkout must not offer it");
        assertFalse(coverage.cashOnDelivery());
    }

    // ----------------------------------------------------------------------------- after booking

    @Test
    public final void givenEveryDocumentedStatusCode_whenTracked_thenEachMapsToItsStatus() {
        assumeTrue(factory().descriptor().supports(ShippingCapability.TRACKING), "the provider does not declare TRACKING");
        assumeFalse(trackingCodes().isEmpty(), "override trackingCodes() with every documented status code");

        for (Map.Entry<String, TrackingStatus> code : trackingCodes().entrySet()) {
            gateway().server().resetAll();
            stubTracking(gateway().server(), sampleTrackingNumber(), code.getKey());

            var tracking = assertDoesNotThrow(() -> provider().track(sampleTrackingNumber()),
                    () -> "status code " + code.getKey() + " must be read, not thrown on");

            assertEquals(code.getValue(), tracking.orElseThrow(() -> new AssertionError("status code " + code.getKey()
                    + " was answered as an unknown tracking number")).status(), () -> "status code " + code.getKey());
        }
    }

    @Test
    public final void givenABookedParcel_whenCancelledBeforePickup_thenCancelled() {
        assumeTrue(factory().descriptor().supports(ShippingCapability.CANCEL), "the provider does not declare CANCEL");
        assumeTrue(stubCancel(gateway().server()), "override stubCancel(WireMockServer) to check cancelling");

        var outcome = provider().cancel(SampleRequests.newKey(), sampleTrackingNumber());

        assertInstanceOf(io.tijarat.spi.shipping.CancelOutcome.Cancelled.class, outcome);
    }

    @Test
    public final void givenABookedParcel_whenItsLabelIsFetched_thenADocumentOrALinkWithoutCredentials() {
        assumeTrue(factory().descriptor().supports(ShippingCapability.LABELS), "the provider does not declare LABELS");
        assumeTrue(stubLabel(gateway().server()), "override stubLabel(WireMockServer) to check labels");

        io.tijarat.spi.shipping.ShippingLabel label = provider().label(sampleTrackingNumber());

        if (label instanceof io.tijarat.spi.shipping.ShippingLabel.Link link) {
            assertNoSecretIn(link.url().toString(), "the label link (staff see and store it: download a link that"
                    + " carries a credential and return a Document)");
        } else {
            assertTrue(((io.tijarat.spi.shipping.ShippingLabel.Document) label).content().length > 0);
        }
    }

    @Test
    public final void givenACourierThatAnswersAfterTheBudget_whenBooking_thenUnknown() {
        stubBooking(gateway().server());
        ShippingProvider hurried = newProvider(builder -> builder.responseTimeout(SHORT_BUDGET));
        warmReads(hurried); // what the plugin reads before booking (a city list) is in hand: only the booking is late
        gateway().delayEverything(LATE);

        assertUnknown(answer(hurried, "a response timeout"));
    }

    @Test
    public final void givenAnHtmlPageWithStatus200_whenBooking_thenUnknown() {
        stubBooking(gateway().server());
        warmReads(provider());
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

    /**
     * Lets the provider read what it reads before a booking (a courier's city list, cached) while the courier still
     * answers, so a failure injected afterwards hits the booking request itself. A provider that reads nothing first
     * is unaffected.
     */
    private void warmReads(ShippingProvider provider) {
        for (int attempt = 0; attempt < 3; attempt++) { // a first request to a cold stub may outlast a short budget
            try {
                provider.coverage(sampleShipment(SampleRequests.newKey()).consignee().city());
                return;
            } catch (RuntimeException readFailed) {
                // try again; the case itself will show what goes wrong
            }
        }
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
    final boolean implementsEarlierForm(Class<?> providerClass, Capability capability) throws NoSuchMethodException {
        return capability == ShippingCapability.BOOKING_LOOKUP
                && providerClass.getMethod("findBooking", IdempotencyKey.class).getDeclaringClass() != ShippingProvider.class;
    }

    @Override
    final Map<Capability, Method> optionalOperations() {
        try {
            Class<ShippingProvider> type = ShippingProvider.class;
            return Map.of(
                    ShippingCapability.RATES, type.getMethod("quote", RateRequest.class),
                    ShippingCapability.BOOKING_LOOKUP, type.getMethod("findBooking", ShipmentRequest.class),
                    ShippingCapability.LABELS, type.getMethod("label", String.class),
                    ShippingCapability.TRACKING, type.getMethod("track", String.class),
                    ShippingCapability.CANCEL, type.getMethod("cancel", IdempotencyKey.class, String.class),
                    ShippingCapability.COD_REMITTANCE, type.getMethod("remittances", List.class),
                    ShippingCapability.REMITTANCE_REPORTS, type.getMethod("remittances", java.time.LocalDate.class,
                            java.time.LocalDate.class),
                    ShippingCapability.TRACKING_WEBHOOKS, type.getMethod("verifyTrackingCallback",
                            CallbackRequest.class));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("the SPI's ShippingProvider changed", e);
        }
    }
}
