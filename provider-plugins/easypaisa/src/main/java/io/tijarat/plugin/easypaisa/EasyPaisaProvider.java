package io.tijarat.plugin.easypaisa;

import io.tijarat.spi.CallbackRequest;
import io.tijarat.spi.Money;
import io.tijarat.spi.PhoneNumber;
import io.tijarat.spi.ProviderHttp;
import io.tijarat.spi.ProviderLogger;
import io.tijarat.spi.TransientProviderException;
import io.tijarat.spi.payment.CallbackOutcome;
import io.tijarat.spi.payment.InquiryOutcome;
import io.tijarat.spi.payment.InquiryRequest;
import io.tijarat.spi.payment.PaymentOutcome;
import io.tijarat.spi.payment.PaymentProvider;
import io.tijarat.spi.payment.PaymentRequest;
import io.tijarat.spi.payment.WalletAccount;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Takes payments through EasyPaisa: which flow a request goes to, and what "no answer" means for each
 * call. The answers themselves are read by {@link StartAnswers}, {@link InquiryAnswers} and
 * {@link InboundRequests}.
 *
 * <table>
 *   <caption>Which flow a request takes</caption>
 *   <tr><th>request</th><th>flow</th></tr>
 *   <tr><td>{@code WALLET} with a wallet account</td><td>REST {@code initiate-ma-transaction}: the customer
 *       approves on the phone</td></tr>
 *   <tr><td>{@code VOUCHER}, customer with a Pakistani mobile number</td><td>REST
 *       {@code initiate-otc-transaction}: a payment token to pay at a shop</td></tr>
 *   <tr><td>{@code WALLET} without an account, {@code VOUCHER} without a number, {@code CARD}, {@code ANY}</td>
 *       <td>the hosted checkout, with the matching {@code paymentMethod}</td></tr>
 * </table>
 *
 * <p><b>Idempotency.</b> The attempt id is EasyPaisa's {@code orderId} / {@code orderRefNum}, the same on every
 * try; EasyPaisa refuses an order id it has seen, which this plugin reads as {@code Unknown} (inquiry
 * tells). <b>Refunds</b> are not offered: EasyPaisa has no refund API, staff refund in the portal.
 *
 * <p>Thread-safe: every field is immutable, and no call keeps state between calls.
 */
final class EasyPaisaProvider implements PaymentProvider {

    /** A little inside the descriptor's budget: the mobile-account call may wait for the customer's PIN. */
    static final Duration WALLET_TIMEOUT = EasyPaisaProviderFactory.BUDGET.minusSeconds(5);
    /** Vouchers and inquiries answer at once; no reason to wait as long. */
    static final Duration QUICK_TIMEOUT = Duration.ofSeconds(20);

    private final EasyPaisaSettings settings;
    private final EasyPaisaApi api;
    private final HostedCheckout checkout;
    private final InboundRequests inbound;
    private final Clock clock;
    private final ProviderLogger log;

    EasyPaisaProvider(EasyPaisaSettings settings, ProviderHttp http, Clock clock, ProviderLogger log) {
        this.settings = settings;
        this.api = new EasyPaisaApi(settings, http);
        this.checkout = new HostedCheckout(settings);
        this.inbound = new InboundRequests(settings, checkout);
        this.clock = clock;
        this.log = log;
    }

    @Override
    public PaymentOutcome start(PaymentRequest request) {
        EasyPaisaTexts texts = EasyPaisaTexts.of(request.locale());
        if (!Money.PKR.equals(request.amount().currency())) {
            return new PaymentOutcome.Declined("CURRENCY", texts.rupeesOnly());
        }
        Optional<PhoneNumber> customerPhone = request.customer().phone().filter(PhoneNumber::isPakistani);
        PaymentOutcome outcome = switch (request.method()) {
            case WALLET -> request.wallet().map(WalletAccount::number)
                    .map(number -> number.isPakistani() ? mobileAccount(request, number)
                            : new PaymentOutcome.Declined("MSISDN", texts.notPakistaniNumber()))
                    .orElseGet(() -> hosted(request, HostedCheckout.Method.MOBILE_ACCOUNT));
            case VOUCHER -> customerPhone.map(number -> voucher(request, number))
                    .orElseGet(() -> hosted(request, HostedCheckout.Method.VOUCHER));
            case CARD -> hosted(request, HostedCheckout.Method.CARD);
            default -> hosted(request, HostedCheckout.Method.ALL);
        };
        log.info("easypaisa start attempt=" + request.attemptId() + " method=" + request.method() + " -> "
                + describe(outcome));
        return outcome;
    }

    @Override
    public InquiryOutcome inquire(InquiryRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("orderId", request.attemptId().value());
        fields.put("storeId", settings.storeId());
        fields.put("accountNum", settings.accountNumber());
        EasyPaisaApi.Answer answer;
        try {
            answer = api.post(EasyPaisaApi.INQUIRE, fields, QUICK_TIMEOUT);
        } catch (IOException e) {
            throw new TransientProviderException("no answer from EasyPaisa to inquire-transaction for attempt "
                    + request.attemptId() + " (" + e.getClass().getSimpleName() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientProviderException("interrupted while inquiring attempt " + request.attemptId(), e);
        }
        InquiryOutcome outcome = new InquiryAnswers(request, settings).read(answer);
        log.info("easypaisa inquire attempt=" + request.attemptId() + " -> HTTP " + answer.status() + ", "
                + outcome.getClass().getSimpleName());
        return outcome;
    }

    @Override
    public CallbackOutcome verifyCallback(CallbackRequest request) {
        CallbackOutcome outcome = inbound.verify(request);
        String what;
        if (outcome instanceof CallbackOutcome.Verified verified) {
            what = "attempt=" + verified.attemptId() + " hint " + verified.status().getClass().getSimpleName()
                    + ", confirm by inquiry";
        } else if (outcome instanceof CallbackOutcome.ContinueCheckout next) {
            what = "attempt=" + next.attemptId() + " continue checkout";
        } else {
            what = "rejected: " + ((CallbackOutcome.Rejected) outcome).reason();
        }
        log.info("easypaisa " + request.source() + " " + what);
        return outcome;
    }

    private PaymentOutcome mobileAccount(PaymentRequest request, PhoneNumber wallet) {
        Map<String, String> fields = initiation(request, StartAnswers.Flow.MOBILE_ACCOUNT);
        fields.put("mobileAccountNo", wallet.pakistanLocal().orElseThrow());
        fields.put("emailAddress", emailAddress(request));
        PaymentOutcome outcome = send(request, StartAnswers.Flow.MOBILE_ACCOUNT, fields, WALLET_TIMEOUT, clock.instant());
        return outcome instanceof PaymentOutcome.Pending pending ? confirmAtOnce(request, pending) : outcome;
    }

    /**
     * A mobile-account {@code 0000} without a status: public integrations disagree whether EasyPaisa held the
     * call until the customer entered the PIN (then the money has moved) or answered once the prompt was out
     * (see {@link StartAnswers}). Ask at once rather than at the core's first inquiry minutes later: a
     * {@code PAID} inquiry answer for this order is the payment; anything else (still pending, no answer, an
     * error) leaves the attempt pending on the phone, for the core's inquiry to settle.
     */
    private PaymentOutcome confirmAtOnce(PaymentRequest request, PaymentOutcome.Pending pending) {
        InquiryOutcome confirmed;
        try {
            confirmed = inquire(new InquiryRequest(request.attemptId(), pending.gatewayReference(), request.amount(),
                    clock.instant()));
        } catch (RuntimeException e) {
            log.info("easypaisa start attempt=" + request.attemptId() + ": the immediate inquiry failed ("
                    + e.getClass().getSimpleName() + "); the payment stays pending for the core's inquiry");
            return pending;
        }
        if (confirmed instanceof InquiryOutcome.Paid paid) {
            return new PaymentOutcome.Approved(paid.gatewayReference(), paid.amount());
        }
        return pending;
    }

    private PaymentOutcome voucher(PaymentRequest request, PhoneNumber msisdn) {
        Instant expiresAt = clock.instant().plus(settings.voucherValidity());
        Map<String, String> fields = initiation(request, StartAnswers.Flow.VOUCHER);
        fields.put("msisdn", msisdn.pakistanLocal().orElseThrow());
        fields.put("emailAddress", emailAddress(request));
        fields.put("tokenExpiry", Formats.expiry(expiresAt));
        return send(request, StartAnswers.Flow.VOUCHER, fields, QUICK_TIMEOUT, expiresAt);
    }

    /**
     * {@code emailAddress}, on every initiation: the customer's, else the shop's configured fallback. Public
     * EasyPaisa clients all send it — https://github.com/moeen-basra/omnipay-easypaisa (a required parameter of
     * {@code PurchaseRequest}), https://github.com/zfhassaan/easypaisa ({@code sendRequest} refuses a missing or
     * malformed one), https://github.com/Asad06124/easypaisa_flutter ({@code requestPayment} takes it as required)
     * — so a payment without one is one EasyPaisa was never shown to accept.
     */
    private String emailAddress(PaymentRequest request) {
        return request.customer().email().orElse(settings.fallbackEmail()).value();
    }

    private Map<String, String> initiation(PaymentRequest request, StartAnswers.Flow flow) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("orderId", request.attemptId().value());
        fields.put("storeId", settings.storeId());
        fields.put("transactionAmount", Formats.amount(request.amount()));
        fields.put("transactionType", flow.transactionType());
        return fields;
    }

    private PaymentOutcome send(PaymentRequest request, StartAnswers.Flow flow, Map<String, String> fields,
                                Duration timeout, Instant voucherExpiry) {
        String endpoint = flow == StartAnswers.Flow.MOBILE_ACCOUNT ? EasyPaisaApi.INITIATE_MA : EasyPaisaApi.INITIATE_OTC;
        EasyPaisaApi.Answer answer;
        try {
            answer = api.post(endpoint, fields, timeout);
        } catch (IOException e) {
            if (ProviderHttp.wasNotSent(e)) {
                throw new TransientProviderException("could not reach EasyPaisa at " + settings.baseUrl().getHost()
                        + " (" + e.getClass().getSimpleName() + "); " + endpoint + " for attempt " + request.attemptId()
                        + " was not sent", e);
            }
            return PaymentOutcome.Unknown.of("no answer from EasyPaisa to " + endpoint + " for attempt "
                    + request.attemptId() + " (" + e.getClass().getSimpleName() + "); it may have acted on it");
        } catch (InterruptedException e) {
            // The core's timeout or shutdown: end as a response timeout would.
            Thread.currentThread().interrupt();
            return PaymentOutcome.Unknown.of("interrupted while waiting for EasyPaisa's answer to " + endpoint
                    + " for attempt " + request.attemptId() + "; it may have acted on it");
        }
        log.info("easypaisa " + endpoint + " attempt=" + request.attemptId() + " -> HTTP " + answer.status()
                + (answer instanceof EasyPaisaApi.Parsed parsed
                ? ", responseCode " + parsed.responseCode().map(GatewayText::clean).orElse("none") : ", not JSON"));
        PaymentOutcome outcome = new StartAnswers(flow, request.attemptId(), request.amount(),
                EasyPaisaTexts.of(request.locale()), voucherExpiry, settings).read(answer);
        if (outcome instanceof PaymentOutcome.Declined declined
                && declined.code().equals(ResponseCode.REQUIRED_FIELD_MISSING.code())) {
            // One customer's data, usually; but if it repeats, the plugin and EasyPaisa disagree on a field.
            log.warn("easypaisa " + endpoint + " attempt=" + request.attemptId() + ": EasyPaisa answered "
                    + ResponseCode.REQUIRED_FIELD_MISSING.describe() + "; if this repeats, compare the request"
                    + " fields with the merchant's EasyPaisa integration guide");
        }
        return outcome;
    }

    private PaymentOutcome hosted(PaymentRequest request, HostedCheckout.Method method) {
        return checkout.start(request, method, clock.instant(), attemptExpiresAfter());
    }

    private static String describe(PaymentOutcome outcome) {
        if (outcome instanceof PaymentOutcome.Approved approved) {
            return "Approved " + approved.amount();
        }
        if (outcome instanceof PaymentOutcome.Pending pending) {
            return "Pending " + pending.next().getClass().getSimpleName();
        }
        if (outcome instanceof PaymentOutcome.Declined declined) {
            return "Declined " + declined.code();
        }
        return "Unknown: " + ((PaymentOutcome.Unknown) outcome).detail();
    }

    @Override
    public String toString() {
        return "EasyPaisaProvider[" + settings + "]";
    }
}
