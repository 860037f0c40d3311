package io.tijarat.plugin.jazzcash;

import io.tijarat.spi.Money;
import io.tijarat.spi.payment.CustomerAction;
import io.tijarat.spi.payment.PaymentOutcome;
import io.tijarat.spi.payment.PaymentRequest;
import io.tijarat.spi.payment.WalletAccount;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A mobile-wallet payment, server to server ({@code DoMWalletTransaction}, API v2.0): JazzCash prompts the
 * customer's phone, and the call waits until the customer enters the MPIN or JazzCash gives up.
 *
 * <p>The request carries the wallet as {@code pp_MobileNumber} ({@code 03XXXXXXXXX}) and the last six digits of the
 * holder's CNIC as {@code pp_CNIC}. A signed 000 (or 121, 200) is {@code Approved} with
 * {@code pp_RetreivalReferenceNo}; 157 "transaction is pending" (or 124, 210) means JazzCash is still waiting for the
 * customer ({@code Pending}, approve on the phone) — see {@link ResponseCode}. When no answer comes within
 * {@link #TIMEOUT} the outcome is {@code Unknown}: the customer may still approve, so the core must not start again, and
 * inquiry is not worth asking before {@link JazzCashProvider#FIRST_INQUIRY_AFTER}. Stateless and thread-safe.
 */
final class WalletPayment {


    /**
     * The customer needs time to find the phone and type the MPIN (JazzCash holds the call for about a
     * minute): the call waits up to here, past that window and inside the descriptor's 75 s budget, so a
     * lapse ends as this plugin's own, well-explained Unknown. The core gives the request less when less of
     * the call's budget is left (an operator's shorter {@code timeout-ms}).
     */
    static final Duration TIMEOUT = JazzCashProviderFactory.BUDGET.minusSeconds(5);

    private static final Pattern DIGITS = Pattern.compile("\\d{1,18}");

    private final JazzCashSettings settings;
    private final JazzCashApi api;
    private final StartOutcomes outcomes;
    private final Clock clock;

    WalletPayment(JazzCashSettings settings, JazzCashApi api, StartOutcomes outcomes, Clock clock) {
        this.settings = settings;
        this.api = api;
        this.outcomes = outcomes;
        this.clock = clock;
    }

    PaymentOutcome start(PaymentRequest request, WalletAccount wallet) {
        JazzCashTexts texts = JazzCashTexts.of(request.locale());
        Optional<String> mobile = wallet.number().pakistanLocal();
        if (mobile.isEmpty()) {
            return new PaymentOutcome.Declined("JAZZCASH_WALLET_NUMBER", texts.pakistaniNumberOnly());
        }
        if (wallet.cnicLastSix().isEmpty()) {
            return new PaymentOutcome.Declined("JAZZCASH_CNIC_NEEDED", texts.cnicDigitsNeeded());
        }
        Instant now = clock.instant();
        Instant expiry = now.plus(JazzCashProvider.ATTEMPT_EXPIRES_AFTER);
        String reference = request.attemptId().value();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("pp_Language", "EN");
        fields.put("pp_MerchantID", settings.merchantId());
        fields.put("pp_SubMerchantID", "");
        fields.put("pp_Password", settings.password().reveal());
        fields.put("pp_TxnRefNo", reference);
        fields.put("pp_MobileNumber", mobile.get());
        fields.put("pp_CNIC", wallet.cnicLastSix().get());
        fields.put("pp_Amount", RequestFields.amount(request.amount()));
        fields.put("pp_TxnCurrency", Money.PKR);
        fields.put("pp_TxnDateTime", PakistanTime.stamp(now));
        fields.put("pp_BillReference", RequestFields.billReference(request));
        fields.put("pp_Description", RequestFields.description(request));
        fields.put("pp_TxnExpiryDateTime", PakistanTime.stamp(expiry));
        for (int i = 1; i <= 5; i++) {
            fields.put("ppmpf_" + i, "");
        }
        Exchange exchange = api.post("wallet", settings.endpoints().path(Endpoints.Operation.WALLET), fields, TIMEOUT, reference);
        return outcomes.map("wallet payment", exchange, request, answer -> accepted(answer, texts, expiry));
    }

    private static PaymentOutcome accepted(Exchange.Answer answer, JazzCashTexts texts, Instant expiry) {
        Optional<String> rrn = answer.retrievalReference();
        if (ResponseCode.start(answer.code()) == ResponseCode.Start.PENDING) {
            return new PaymentOutcome.Pending(new CustomerAction.ApproveOnPhone(texts.approveOnPhone(),
                    Optional.of(expiry)), rrn);
        }
        Optional<Money> paid = answer.field("pp_Amount").filter(amount -> DIGITS.matcher(amount).matches())
                .map(amount -> Money.pkr(Long.parseLong(amount))).filter(Money::isPositive);
        if (rrn.isEmpty() || paid.isEmpty()) {
            return new PaymentOutcome.Unknown(rrn, "JazzCash approved the wallet payment without "
                    + (rrn.isEmpty() ? "pp_RetreivalReferenceNo" : "a readable pp_Amount") + "; inquiry settles it");
        }
        return new PaymentOutcome.Approved(rrn.get(), paid.get());
    }
}
