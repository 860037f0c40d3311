package io.tijarat.plugin.jazzcash;

import io.tijarat.spi.Money;
import io.tijarat.spi.PhoneNumber;
import io.tijarat.spi.payment.CustomerAction;
import io.tijarat.spi.payment.PaymentOutcome;
import io.tijarat.spi.payment.PaymentRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An over-the-counter voucher ({@code pp_TxnType=OTC}): JazzCash issues a voucher number, the customer pays it in
 * cash at a JazzCash shop or agent, and the attempt stays {@code Pending} with {@link CustomerAction.PayVoucher}
 * until the IPN or an inquiry reports it paid or expired.
 *
 * <p>The request goes server to server to {@code /ApplicationAPI/API/Payment/DoTransaction} (API v1.1), the voucher
 * service of an open-source JazzCash client ([1 src]; the notes list OTC only on the hosted page). JazzCash answers
 * 124, "waiting for financials to be received over the counter", with the voucher number in
 * {@code pp_RetreivalReferenceNo}; any other answer read as approved or pending (000, 121, 157, 200, 210) is read the same
 * way, because a voucher cannot have been paid at the moment it is issued. The customer's mobile number, where
 * known, goes in {@code ppmpf_1}, where that client puts it for the voucher SMS. Stateless and thread-safe.
 */
final class VoucherPayment {


    /** Issuing a voucher involves no customer: JazzCash answers at once. */
    static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final JazzCashSettings settings;
    private final JazzCashApi api;
    private final StartOutcomes outcomes;
    private final Clock clock;

    VoucherPayment(JazzCashSettings settings, JazzCashApi api, StartOutcomes outcomes, Clock clock) {
        this.settings = settings;
        this.api = api;
        this.outcomes = outcomes;
        this.clock = clock;
    }

    PaymentOutcome start(PaymentRequest request) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(settings.voucherValidity());
        String reference = request.attemptId().value();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("pp_Version", "1.1");
        fields.put("pp_TxnType", "OTC");
        fields.put("pp_Language", "EN");
        fields.put("pp_MerchantID", settings.merchantId());
        fields.put("pp_SubMerchantID", "");
        fields.put("pp_Password", settings.password().reveal());
        fields.put("pp_BankID", "");
        fields.put("pp_ProductID", "");
        fields.put("pp_TxnRefNo", reference);
        fields.put("pp_Amount", RequestFields.amount(request.amount()));
        fields.put("pp_TxnCurrency", Money.PKR);
        fields.put("pp_TxnDateTime", PakistanTime.stamp(now));
        fields.put("pp_BillReference", RequestFields.billReference(request));
        fields.put("pp_Description", RequestFields.description(request));
        fields.put("pp_TxnExpiryDateTime", PakistanTime.stamp(expiresAt));
        fields.put("pp_ReturnURL", request.returnUrl().or(settings::returnUrl).map(URI::toString).orElse(""));
        fields.put("ppmpf_1", request.customer().phone().flatMap(PhoneNumber::pakistanLocal).orElse(""));
        for (int i = 2; i <= 5; i++) {
            fields.put("ppmpf_" + i, "");
        }
        Exchange exchange = api.post("voucher", settings.endpoints().path(Endpoints.Operation.VOUCHER), fields, TIMEOUT, reference);
        JazzCashTexts texts = JazzCashTexts.of(request.locale());
        return outcomes.map("voucher", exchange, request, answer -> issued(answer, request, texts, expiresAt));
    }

    private static PaymentOutcome issued(Exchange.Answer answer, PaymentRequest request, JazzCashTexts texts,
                                         Instant expiresAt) {
        Optional<String> voucher = answer.retrievalReference();
        if (voucher.isEmpty()) {
            return PaymentOutcome.Unknown.of("JazzCash accepted the voucher request (code " + answer.code()
                    + ") without a voucher number in pp_RetreivalReferenceNo; inquiry settles it");
        }
        return new PaymentOutcome.Pending(new CustomerAction.PayVoucher(voucher.get(), expiresAt,
                texts.payVoucher(voucher.get(), request.amount(), expiresAt)), voucher);
    }
}
