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
import io.tijarat.spi.ProviderDescriptor;
import io.tijarat.spi.ProviderFactory;
import io.tijarat.spi.ProviderKind;
import io.tijarat.spi.TransientProviderException;
import io.tijarat.spi.payment.InquiryRequest;
import io.tijarat.spi.payment.PaymentCapability;
import io.tijarat.spi.payment.PaymentOutcome;
import io.tijarat.spi.payment.PaymentProvider;
import io.tijarat.spi.payment.PaymentProviderFactory;
import io.tijarat.spi.payment.PaymentRequest;
import io.tijarat.spi.payment.RefundRequest;
import io.tijarat.spi.payment.VoidRequest;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The payment contract. A payment plugin's test extends it:
 *
 * <pre>{@code
 * class JazzCashProviderContractTest extends PaymentProviderContract {
 *     protected PaymentProviderFactory newFactory() { return new JazzCashProviderFactory(); }
 *     protected String expectedProviderId() { return "jazzcash"; }
 *     protected boolean talksToGateway() { return true; }
 *     protected void configure(TestProviderContext.Builder context) { context.property("merchant-id", "MC1"); }
 *     protected void pointAtGateway(TestProviderContext.Builder context, URI url) {
 *         context.property("base-url", url.toString());
 *     }
 *     protected void stubApproval(WireMockServer gateway) { gateway.stubFor(post(...).willReturn(okJson(...))); }
 *     protected void stubDecline(WireMockServer gateway) { ... }
 *     protected String referenceSentIn(LoggedRequest request) { return formField(request, "pp_TxnRefNo"); }
 * }
 * }</pre>
 *
 * <p>Beyond the cases every provider passes (see {@link ProviderContract}), it checks what the SPI asks
 * of {@link PaymentProvider#start}: a retry with the same attempt id sends the gateway the same
 * reference; a gateway that answers "no" gives {@code Declined}; a request that may have reached the
 * gateway without a usable answer — a response timeout, HTTP 500, an HTML page or broken JSON with
 * status 200 — gives {@code Unknown}, never a crash or a guess; a connection that was refused (nothing
 * sent) throws {@link TransientProviderException}. When the provider declares
 * {@link PaymentCapability#INQUIRY}, an inquiry without a usable answer throws
 * {@link TransientProviderException}, because an inquiry is a read.
 *
 * <p>For a provider that calls no gateway ({@link #talksToGateway()} {@code false}: cash on delivery,
 * bank transfer) those cases are skipped, and instead one attempt started twice, or from several threads
 * at once, must give the same outcome every time.
 */
public abstract class PaymentProviderContract extends ProviderContract<PaymentProviderFactory, PaymentProvider> {

    // ----------------------------------------------------------------------------------------- hooks

    /** The request the cases start; {@link SampleRequests#payment} unless overridden. */
    protected PaymentRequest samplePayment(IdempotencyKey attemptId) {
        return SampleRequests.payment(attemptId);
    }

    /** Programs the stub to accept the {@link #samplePayment} (an approval, or a pending wallet prompt). */
    protected void stubApproval(WireMockServer gateway) {
        throw missingGatewayHook("stubApproval(WireMockServer)");
    }

    /** Programs the stub to decline the {@link #samplePayment}, e.g. for insufficient balance. */
    protected void stubDecline(WireMockServer gateway) {
        throw missingGatewayHook("stubDecline(WireMockServer)");
    }

    // ------------------------------------------------------------------------ without a gateway

    @Test
    public final void givenNoGateway_whenOneAttemptIsStartedTwice_thenBothCallsGiveTheSameOutcome() {
        assumeFalse(talksToGateway(), "the provider calls a gateway: see the gateway reference case");
        PaymentRequest request = samplePayment(SampleRequests.newKey());

        PaymentOutcome first = provider().start(request);
        PaymentOutcome second = provider().start(request);

        assertEquals(first, second);
    }

    @Test
    public final void givenNoGateway_whenOneAttemptIsStartedFromManyThreads_thenEveryCallGivesTheSameOutcome()
            throws InterruptedException {
        assumeFalse(talksToGateway(), "the provider calls a gateway");
        PaymentRequest request = samplePayment(SampleRequests.newKey());

        List<PaymentOutcome> outcomes = Concurrently.run(8, () -> provider().start(request));

        assertEquals(1, outcomes.stream().distinct().count(), () -> "different outcomes: " + outcomes);
    }

    // --------------------------------------------------------------------------- with a gateway

    @Test
    public final void givenAnAcceptingGateway_whenStarted_thenApprovedOrPending() {
        stubApproval(gateway().server());

        PaymentOutcome outcome = provider().start(samplePayment(SampleRequests.newKey()));

        assertTrue(outcome instanceof PaymentOutcome.Approved || outcome instanceof PaymentOutcome.Pending,
                () -> "expected Approved or Pending, got " + outcome);
    }

    @Test
    public final void givenOneAttemptId_whenStartedTwice_thenTheGatewaySeesTheSameReferenceBothTimes() {
        stubApproval(gateway().server());
        IdempotencyKey attemptId = SampleRequests.newKey();

        provider().start(samplePayment(attemptId));
        provider().start(samplePayment(attemptId));

        References.assertSameReferenceForwarded(gateway().requests(), this::referenceSentIn, attemptId, 2);
    }

    @Test
    public final void givenADecliningGateway_whenStarted_thenDeclined() {
        stubDecline(gateway().server());

        PaymentOutcome outcome = provider().start(samplePayment(SampleRequests.newKey()));

        assertInstanceOf(PaymentOutcome.Declined.class, outcome);
    }

    @Test
    public final void givenAGatewayThatAnswersAfterTheBudget_whenStarted_thenUnknown() {
        stubApproval(gateway().server());
        gateway().delayEverything(LATE);
        PaymentProvider hurried = newProvider(builder -> builder.responseTimeout(SHORT_BUDGET));

        assertUnknown(answer(hurried, "a response timeout"));
    }

    @Test
    public final void givenAGatewayFailingWith500_whenStarted_thenUnknown() {
        gateway().answerEverythingWith(500);

        assertUnknown(answer(provider(), "HTTP 500"));
    }

    @Test
    public final void givenABusyGatewayAnswering503_whenStarted_thenUnknownOrTransientFailure() {
        gateway().answerEverythingWith(503);

        // 503 may mean "not processed, try again" (Transient) or be a proxy's page in front of a gateway
        // that did act (Unknown): both are honest. A decline or an approval is not.
        try {
            assertUnknown(provider().start(samplePayment(SampleRequests.newKey())));
        } catch (TransientProviderException e) {
            assertNoSecretIn(e.getMessage(), "the failure's message");
        }
    }

    @Test
    public final void givenAnHtmlPageWithStatus200_whenStarted_thenUnknownWithoutEchoingThePage() {
        gateway().answerEverythingWithHtmlPage();

        PaymentOutcome outcome = answer(provider(), "an HTML page");

        assertUnknown(outcome);
        assertFalse(((PaymentOutcome.Unknown) outcome).detail().contains(GatewayStub.HTML_MARKER),
                "the detail goes to logs and staff screens: describe the answer, do not paste its body");
    }

    @Test
    public final void givenTruncatedJsonWithStatus200_whenStarted_thenUnknown() {
        gateway().answerEverythingWithTruncatedJson();

        assertUnknown(answer(provider(), "truncated JSON"));
    }

    @Test
    public final void givenARefusedConnection_whenStarted_thenTransientFailureBecauseNothingWasSent() {
        PaymentProvider unreachable = unreachableProvider();

        TransientProviderException failure = assertThrows(TransientProviderException.class,
                () -> unreachable.start(samplePayment(SampleRequests.newKey())));

        assertNoSecretIn(failure.getMessage(), "the failure's message");
    }

    // ---------------------------------------------------------------------------------- inquiry

    @Test
    public final void givenARefusedConnection_whenInquiring_thenTransientFailure() {
        assumeInquiry();
        PaymentProvider unreachable = unreachableProvider();

        assertThrows(TransientProviderException.class, () -> unreachable.inquire(sampleInquiry()));
    }

    @Test
    public final void givenAGatewayFailingWith500_whenInquiring_thenTransientFailure() {
        assumeInquiry();
        gateway().answerEverythingWith(500);

        assertThrows(TransientProviderException.class, () -> provider().inquire(sampleInquiry()));
    }

    @Test
    public final void givenAnHtmlPageWithStatus200_whenInquiring_thenTransientFailure() {
        assumeInquiry();
        gateway().answerEverythingWithHtmlPage();

        assertThrows(TransientProviderException.class, () -> provider().inquire(sampleInquiry()));
    }

    @Test
    public final void givenAGatewayThatAnswersAfterTheBudget_whenInquiring_thenTransientFailure() {
        assumeInquiry();
        gateway().answerEverythingWith(200);
        gateway().delayEverything(LATE);
        PaymentProvider hurried = newProvider(builder -> builder.responseTimeout(SHORT_BUDGET));

        assertThrows(TransientProviderException.class, () -> hurried.inquire(sampleInquiry()));
    }

    // ----------------------------------------------------------------------------- capabilities

    @Test
    public final void givenRefundCapabilities_whenDeclared_thenPartialAndIdempotentRefundComeWithRefund() {
        ProviderDescriptor descriptor = factory().descriptor();

        for (PaymentCapability needsRefund : List.of(PaymentCapability.PARTIAL_REFUND,
                PaymentCapability.IDEMPOTENT_REFUND)) {
            assertFalse(descriptor.supports(needsRefund) && !descriptor.supports(PaymentCapability.REFUND),
                    () -> "declares " + needsRefund + " without REFUND");
        }
    }

    // ------------------------------------------------------------------------------- internals

    private void assumeInquiry() {
        assumeTrue(talksToGateway(), "the provider calls no gateway");
        assumeTrue(factory().descriptor().supports(PaymentCapability.INQUIRY), "the provider does not declare INQUIRY");
    }

    private InquiryRequest sampleInquiry() {
        return SampleRequests.inquiry(SampleRequests.newKey(), context().clock().instant());
    }

    /** Starts the sample payment; an exception instead of an outcome fails with what the SPI expects. */
    private PaymentOutcome answer(PaymentProvider provider, String situation) {
        return assertDoesNotThrow(() -> provider.start(samplePayment(SampleRequests.newKey())),
                () -> situation + " after the request went out is an answer to map (Unknown), not an exception");
    }

    private void assertUnknown(PaymentOutcome outcome) {
        PaymentOutcome.Unknown unknown = assertInstanceOf(PaymentOutcome.Unknown.class, outcome,
                "the request may have reached the gateway, so the answer is Unknown (settled by inquiry)");
        assertNoSecretIn(unknown.detail(), "the Unknown detail");
    }

    @Override
    final Class<? extends ProviderFactory<?>> factoryInterface() {
        return PaymentProviderFactory.class;
    }

    @Override
    final ProviderKind kind() {
        return ProviderKind.PAYMENT;
    }

    @Override
    final Class<?> providerInterface() {
        return PaymentProvider.class;
    }

    @Override
    final Map<Capability, Method> optionalOperations() {
        try {
            return Map.of(
                    PaymentCapability.INQUIRY, PaymentProvider.class.getMethod("inquire", InquiryRequest.class),
                    PaymentCapability.REFUND, PaymentProvider.class.getMethod("refund", RefundRequest.class),
                    PaymentCapability.VOID, PaymentProvider.class.getMethod("voidPayment", VoidRequest.class),
                    PaymentCapability.CALLBACKS,
                    PaymentProvider.class.getMethod("verifyCallback", CallbackRequest.class));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("the SPI's PaymentProvider changed", e);
        }
    }
}
