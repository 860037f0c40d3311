package io.tijarat.plugin.easypaisa;

import io.tijarat.spi.EmailAddress;
import io.tijarat.spi.IdempotencyKey;
import io.tijarat.spi.PhoneNumber;
import io.tijarat.spi.payment.CustomerAction;
import io.tijarat.spi.payment.PaymentOutcome;
import io.tijarat.spi.payment.PaymentRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * EasyPaisa's hosted checkout, step 1: the self-submitting form that sends the browser to
 * {@code /easypay/Index.jsf}. No call to EasyPaisa is made here; the attempt stays pending until the
 * customer comes back (see {@link InboundRequests}) and an inquiry confirms it.
 *
 * <p>The two-step return: EasyPaisa first sends the browser to our {@code postBackURL} with an
 * {@code auth_token}; we answer with a second form to {@code /easypay/Confirm.jsf}
 * ({@code CallbackOutcome.ContinueCheckout}); only then does EasyPaisa return the result.
 */
final class HostedCheckout {

    /** EasyPaisa's {@code paymentMethod} values; empty offers them all. */
    enum Method {
        ALL(""), MOBILE_ACCOUNT("MA_PAYMENT_METHOD"), VOUCHER("OTC_PAYMENT_METHOD"), CARD("CC_PAYMENT_METHOD");

        private final String value;

        Method(String value) {
            this.value = value;
        }

        String value() {
            return value;
        }
    }

    private final EasyPaisaSettings settings;

    HostedCheckout(EasyPaisaSettings settings) {
        this.settings = settings;
    }

    /**
     * The form for one attempt.
     *
     * @param now        the provider clock's instant
     * @param payableFor how long EasyPaisa may accept it: its {@code expiryDate}
     */
    PaymentOutcome start(PaymentRequest request, Method method, Instant now, Duration payableFor) {
        Map<String, String> fields = fields(request, method, now.plus(payableFor));
        return PaymentOutcome.Pending.of(CustomerAction.Redirect.post(settings.checkoutUri(), fields));
    }

    /** The form's fields in the order EasyPaisa's guide lists them, {@code merchantHashedReq} last. */
    Map<String, String> fields(PaymentRequest request, Method method, Instant expiresAt) {
        IdempotencyKey attemptId = request.attemptId();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("storeId", settings.storeId());
        fields.put("amount", Formats.amount(request.amount()));
        fields.put("postBackURL", settings.postBackFor(attemptId, request.returnUrl()));
        fields.put("orderRefNum", attemptId.value());
        fields.put("expiryDate", Formats.expiry(expiresAt));
        // Back to the shop without a click: the customer must not be left on EasyPaisa's page.
        fields.put("autoRedirect", "1");
        putIfPresent(fields, "paymentMethod", method.value());
        putIfPresent(fields, "emailAddr", request.customer().email().map(EmailAddress::value).orElse(""));
        putIfPresent(fields, "mobileNum", request.customer().phone().flatMap(PhoneNumber::pakistanLocal).orElse(""));
        fields.put(MerchantHashedRequest.FIELD, MerchantHashedRequest.of(fields, settings.hashKey()));
        return fields;
    }

    /** Empty optional fields are left out of the form, and therefore out of the encrypted text. */
    private static void putIfPresent(Map<String, String> fields, String name, String value) {
        if (!value.isEmpty()) {
            fields.put(name, value);
        }
    }

    /**
     * Step 2: the form that confirms the checkout, with the {@code auth_token} EasyPaisa handed back and the
     * same {@code postBackURL} as step 1 — the address the browser just came back to, less the token.
     */
    CustomerAction.Redirect confirm(String authToken, String postBackUrl) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("auth_token", authToken);
        fields.put("postBackURL", postBackUrl);
        return CustomerAction.Redirect.post(settings.confirmUri(), fields);
    }
}
