package io.tijarat.plugin.jazzcash;

import io.tijarat.spi.Money;
import io.tijarat.spi.PermanentProviderException;
import io.tijarat.spi.payment.CustomerAction;
import io.tijarat.spi.payment.PaymentMethod;
import io.tijarat.spi.payment.PaymentOutcome;
import io.tijarat.spi.payment.PaymentRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JazzCash's hosted checkout ("page redirection", v1.1): builds the signed form the customer's browser
 * posts to {@code /CustomerPortal/transactionmanagement/merchantform/}, and returns it as
 * {@code Pending(Redirect POST)}. Nothing is sent from the server; JazzCash's page takes the card, wallet
 * or voucher and posts the result back to {@code pp_ReturnURL}, which reaches
 * {@link CallbackVerifier}.
 *
 * <p>{@code pp_TxnType} follows the customer's choice: card {@code MPAY}, wallet {@code MWALLET}, voucher
 * {@code OTC} (vouchers normally go server to server, {@link VoucherPayment}), anything else empty: the page
 * offers all it has.
 *
 * <p>JazzCash's form includes {@code pp_Password}, so it reaches the customer's browser; the integrity
 * salt never does, and without it nobody can sign a request. Stateless and thread-safe.
 */
final class HostedCheckout {


    private final JazzCashSettings settings;
    private final SecureHash hash;
    private final Clock clock;

    HostedCheckout(JazzCashSettings settings, SecureHash hash, Clock clock) {
        this.settings = settings;
        this.hash = hash;
        this.clock = clock;
    }

    PaymentOutcome start(PaymentRequest request) {
        URI returnUrl = request.returnUrl().or(settings::returnUrl).orElseThrow(() -> new PermanentProviderException(
                "jazzcash hosted checkout needs a return URL, and the payment request brought none: set "
                        + settings.keys().returnUrl() + " to the URL registered as Return URL in the JazzCash portal"));
        Instant now = clock.instant();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("pp_Version", "1.1");
        fields.put("pp_TxnType", txnType(request.method()));
        fields.put("pp_Language", "EN");
        fields.put("pp_MerchantID", settings.merchantId());
        fields.put("pp_SubMerchantID", "");
        fields.put("pp_Password", settings.password().reveal());
        fields.put("pp_BankID", "");
        fields.put("pp_ProductID", "");
        fields.put("pp_TxnRefNo", request.attemptId().value());
        fields.put("pp_Amount", RequestFields.amount(request.amount()));
        fields.put("pp_TxnCurrency", Money.PKR);
        fields.put("pp_TxnDateTime", PakistanTime.stamp(now));
        fields.put("pp_BillReference", RequestFields.billReference(request));
        fields.put("pp_Description", RequestFields.description(request));
        fields.put("pp_TxnExpiryDateTime", PakistanTime.stamp(now.plus(JazzCashProvider.ATTEMPT_EXPIRES_AFTER)));
        fields.put("pp_ReturnURL", returnUrl.toString());
        for (int i = 1; i <= 5; i++) {
            fields.put("ppmpf_" + i, "");
        }
        fields.put(SecureHash.FIELD, hash.sign(fields));
        return PaymentOutcome.Pending.of(CustomerAction.Redirect.post(settings.endpoint(Endpoints.Operation.HOSTED_CHECKOUT), fields));
    }

    /** A method this SPI version does not know yet is treated as {@code ANY}, as the SPI asks. */
    static String txnType(PaymentMethod method) {
        return switch (method) {
            case CARD -> "MPAY";
            case WALLET -> "MWALLET";
            case VOUCHER -> "OTC";
            default -> "";
        };
    }
}
