package io.tijarat.spi.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tijarat.spi.CallbackReply;
import io.tijarat.spi.IdempotencyKey;
import io.tijarat.spi.Money;
import io.tijarat.spi.PhoneNumber;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PaymentValuesTest {

    private static final IdempotencyKey ATTEMPT = IdempotencyKey.of("T7K2M9Q4X1B8");
    private static final Customer AYESHA = new Customer("Ayesha Khan",
            Optional.of(PhoneNumber.of("+923001234567")), Optional.empty());

    private static PaymentRequest.Builder aRequest() {
        return PaymentRequest.builder().attemptId(ATTEMPT).orderNumber("1042").amount(Money.pkr(150000))
                .description("Order 1042").customer(AYESHA);
    }

    @Test
    void givenTheEssentials_whenARequestIsBuilt_thenDefaultsAreAnyMethodAndEnglish() {
        PaymentRequest request = aRequest().build();

        assertEquals(PaymentMethod.ANY, request.method());
        assertEquals("en", request.locale().getLanguage());
        assertEquals(Optional.empty(), request.returnUrl());
    }

    @Test
    void givenADeliveryCity_whenARequestIsBuilt_thenItIsCarriedAndWithoutOneItIsEmpty() {
        assertEquals(Optional.of("Lahore"), aRequest().deliveryCity("Lahore").build().deliveryCity());
        assertEquals(Optional.empty(), aRequest().build().deliveryCity());
        assertEquals(Optional.empty(), aRequest().deliveryCity(null).build().deliveryCity());
    }

    @Test
    void givenABlankOrOverlongDeliveryCity_whenARequestIsBuilt_thenRejectedNamingTheField() {
        IllegalArgumentException blank = assertThrows(IllegalArgumentException.class,
                () -> aRequest().deliveryCity(" ").build());
        assertTrue(blank.getMessage().contains("deliveryCity"), blank.getMessage());
        assertThrows(IllegalArgumentException.class, () -> aRequest().deliveryCity("L".repeat(101)).build());
    }

    @Test
    void givenCodeWrittenForSpi10_whenItUsesTheTenArgumentConstructor_thenTheRequestHasNoDeliveryCity() {
        PaymentRequest built = aRequest().build();

        PaymentRequest old = new PaymentRequest(ATTEMPT, "1042", Money.pkr(150000), "Order 1042", AYESHA,
                PaymentMethod.ANY, Optional.empty(), Optional.empty(), Optional.empty(), java.util.Locale.ENGLISH);

        assertEquals(Optional.empty(), old.deliveryCity());
        assertEquals(built, old);
    }

    @Test
    void givenAZeroOrMissingAmount_whenARequestIsBuilt_thenRejected() {
        assertThrows(IllegalArgumentException.class, () -> aRequest().amount(Money.pkr(0)).build());
        assertThrows(NullPointerException.class, () -> aRequest().amount(null).build());
    }

    @Test
    void givenAWalletWithAnotherMethod_whenARequestIsBuilt_thenRejected() {
        WalletAccount wallet = new WalletAccount(PhoneNumber.of("+923001234567"), Optional.of("345678"));

        assertEquals(PaymentMethod.WALLET, aRequest().wallet(wallet).build().method());
        assertThrows(IllegalArgumentException.class, () -> aRequest().wallet(wallet).method(PaymentMethod.CARD).build());
    }

    @Test
    void givenARelativeReturnUrl_whenARequestIsBuilt_thenRejected() {
        assertThrows(IllegalArgumentException.class, () -> aRequest().returnUrl(URI.create("/return")).build());
    }

    @Test
    void givenCnicDigits_whenAWalletIsPrinted_thenNeitherTheyNorTheNumberShow() {
        WalletAccount wallet = new WalletAccount(PhoneNumber.of("+923001234567"), Optional.of("345678"));

        assertFalse(wallet.toString().contains("345678"), wallet.toString());
        assertFalse(wallet.toString().contains("1234567"), wallet.toString());
        assertThrows(IllegalArgumentException.class,
                () -> new WalletAccount(PhoneNumber.of("+923001234567"), Optional.of("35202-1234567-9")));
    }

    @Test
    void givenACustomer_whenPrinted_thenNameAndPhoneAreMasked() {
        assertFalse(AYESHA.toString().contains("Ayesha"), AYESHA.toString());
        assertFalse(AYESHA.toString().contains("1234567"), AYESHA.toString());
    }

    @Test
    void givenAGetRedirectWithFields_whenCreated_thenRejectedBecauseGetCarriesNoForm() {
        assertThrows(IllegalArgumentException.class, () -> new CustomerAction.Redirect(
                URI.create("https://pay.example/checkout"), CustomerAction.Redirect.HttpMethod.GET, Map.of("a", "1")));
    }

    @Test
    void givenAPostRedirect_whenCreated_thenFieldOrderIsKeptAndValuesStayOutOfToString() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("storeId", "1234");
        fields.put("mobileNum", "03001234567");
        fields.put("amount", "1500.0");

        CustomerAction.Redirect redirect = CustomerAction.Redirect.post(URI.create("https://pay.example/Index.jsf"), fields);
        fields.put("late", "x");

        assertEquals(List.of("storeId", "mobileNum", "amount"), List.copyOf(redirect.fields().keySet()));
        assertFalse(redirect.toString().contains("03001234567"), redirect.toString());
    }

    @Test
    void givenARefundOfPart_whenCreated_thenItIsPartialAndAnOverRefundIsRejected() {
        IdempotencyKey refundId = IdempotencyKey.of("R7K2M9Q4X1B8");

        RefundRequest partial = new RefundRequest(refundId, ATTEMPT, Optional.empty(), Money.pkr(500), Money.pkr(1500),
                "damaged item");

        assertTrue(partial.isPartial());
        assertFalse(new RefundRequest(refundId, ATTEMPT, Optional.empty(), Money.pkr(1500), Money.pkr(1500), "r")
                .isPartial());
        assertThrows(IllegalArgumentException.class, () -> new RefundRequest(refundId, ATTEMPT, Optional.empty(),
                Money.pkr(1501), Money.pkr(1500), "r"));
        assertThrows(IllegalArgumentException.class, () -> new RefundRequest(refundId, ATTEMPT, Optional.empty(),
                Money.of(500, "USD"), Money.pkr(1500), "r"));
        assertThrows(IllegalArgumentException.class, () -> new RefundRequest(ATTEMPT, ATTEMPT, Optional.empty(),
                Money.pkr(500), Money.pkr(1500), "r"));
    }

    @Test
    void givenACallbackThatCannotFindTheAttempt_whenVerified_thenRefusedAsAStatus() {
        assertThrows(IllegalArgumentException.class, () -> new CallbackOutcome.Verified("k", ATTEMPT,
                new InquiryOutcome.NotFound(), false, CallbackReply.ok()));
    }

    @Test
    void givenAnUnsignedHintWithoutStatus_whenVerified_thenItMustAskForConfirmation() {
        InquiryOutcome hint = new InquiryOutcome.Unknown("EasyPaisa IPN: details not fetched");

        assertThrows(IllegalArgumentException.class,
                () -> new CallbackOutcome.Verified("k", ATTEMPT, hint, false, CallbackReply.ok()));
        assertTrue(new CallbackOutcome.Verified("k", ATTEMPT, hint, true, CallbackReply.ok()).confirmByInquiry());
    }

    @Test
    void givenAnApprovalOrPaidReportWithoutMoney_whenCreated_thenRejected() {
        assertThrows(IllegalArgumentException.class, () -> new PaymentOutcome.Approved("RRN1", Money.pkr(0)));
        assertThrows(IllegalArgumentException.class, () -> new InquiryOutcome.Paid("RRN1", Money.pkr(-1)));
    }

    @Test
    void givenAProviderWithoutOptionalFeatures_whenTheyAreCalled_thenUnsupportedAndDefaultsAreSafe() {
        PaymentProvider cashOnDelivery = request -> PaymentOutcome.Pending.of(
                new CustomerAction.PayOffline("Pay the rider in cash", Optional.empty()));

        assertThrows(UnsupportedOperationException.class, () -> cashOnDelivery.inquire(null));
        assertThrows(UnsupportedOperationException.class, () -> cashOnDelivery.refund(null));
        assertTrue(cashOnDelivery.firstInquiryAfter().isZero());
        assertTrue(cashOnDelivery.attemptExpiresAfter().compareTo(java.time.Duration.ZERO) > 0);
    }
}
