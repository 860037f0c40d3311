package io.tijarat.plugin.easypaisa;

import io.tijarat.spi.IdempotencyKey;
import io.tijarat.spi.Money;
import io.tijarat.spi.PermanentProviderException;
import io.tijarat.spi.TransientProviderException;
import io.tijarat.spi.payment.CustomerAction;
import io.tijarat.spi.payment.PaymentOutcome;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads EasyPaisa's answer to {@code initiate-ma-transaction} or {@code initiate-otc-transaction} as a
 * {@link PaymentOutcome}. Both {@code responseCode} and {@code transactionStatus} are read: {@code 0000}
 * with {@code FAILED} is a failure.
 *
 * <table>
 *   <caption>What each answer becomes</caption>
 *   <tr><th>EasyPaisa</th><th>outcome</th></tr>
 *   <tr><td>{@code 0000}, no status or {@code PENDING}</td><td>{@code Pending}: mobile account → approve on
 *       the phone; voucher → {@code PayVoucher} with the {@code paymentToken} (no token: {@code Unknown})</td></tr>
 *   <tr><td>{@code 0000} + {@code PAID} + amount</td><td>{@code Approved}</td></tr>
 *   <tr><td>{@code 0000} + {@code FAILED}/{@code BLOCKED}/{@code EXPIRED}/{@code REVERSED}</td>
 *       <td>{@code Declined}, the status as code</td></tr>
 *   <tr><td>{@code 0002} required field missing, {@code 0013} low balance, {@code 0014} no account</td>
 *       <td>{@code Declined}</td></tr>
 *   <tr><td>{@code 0001} system error, {@code 0003} order id refused (a repeat of an attempt EasyPaisa has
 *       seen), an unknown code or status, an answer about another order</td><td>{@code Unknown}</td></tr>
 *   <tr><td>{@code 0004}–{@code 0008}, {@code 0010}, HTTP 401</td><td>{@link PermanentProviderException}</td></tr>
 *   <tr><td>HTTP 429 or 503</td><td>{@link TransientProviderException}: not processed, and a repeat with the
 *       same order id cannot charge twice (EasyPaisa refuses a known order id)</td></tr>
 *   <tr><td>any other status without EasyPaisa's JSON, an HTML page with 200, broken JSON</td>
 *       <td>{@code Unknown}</td></tr>
 * </table>
 *
 * <p>Why {@code 0000} alone is {@code Pending}, not {@code Approved}: public integrations disagree whether
 * EasyPaisa holds the mobile-account call until the customer enters the PIN (then {@code 0000} is a payment)
 * or answers once the prompt is out, and the documented answer carries neither a status nor an amount. A
 * wrong {@code Approved} ships unpaid goods; a wrong {@code Pending} costs one inquiry.
 *
 * @param flow              which initiation this answers
 * @param attemptId         the attempt, sent as {@code orderId}
 * @param requested         the amount asked for
 * @param texts             the customer's language
 * @param voucherExpirySent the {@code tokenExpiry} sent, for a voucher answer without its own
 * @param settings          for messages that name configuration keys
 */
record StartAnswers(Flow flow, IdempotencyKey attemptId, Money requested, EasyPaisaTexts texts,
                    Instant voucherExpirySent, EasyPaisaSettings settings) {

    /** The two REST initiations. */
    enum Flow {
        MOBILE_ACCOUNT("MA"), VOUCHER("OTC");

        private final String transactionType;

        Flow(String transactionType) {
            this.transactionType = transactionType;
        }

        String transactionType() {
            return transactionType;
        }
    }

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9-]{1,40}");

    /**
     * @throws TransientProviderException if EasyPaisa said it did not process the request (429, 503)
     * @throws PermanentProviderException if the merchant's set-up is wrong
     */
    PaymentOutcome read(EasyPaisaApi.Answer answer) {
        if (answer.status() == 429 || answer.status() == 503) {
            throw new TransientProviderException("EasyPaisa answered HTTP " + answer.status() + " to " + operation()
                    + ": busy, nothing processed; safe to repeat with the same order id", null,
                    answer.retryAfter().orElse(null));
        }
        if (answer.status() == 401) {
            throw Refusals.configurationProblem(ResponseCode.INVALID_CREDENTIALS, settings, operation()).orElseThrow();
        }
        if (answer instanceof EasyPaisaApi.Unreadable unreadable) {
            return unknown(unreadable.description());
        }
        EasyPaisaApi.Parsed parsed = (EasyPaisaApi.Parsed) answer;
        Optional<String> code = parsed.responseCode();
        if (code.isEmpty()) {
            return unknown("HTTP " + parsed.status() + " with JSON but no responseCode");
        }
        Optional<ResponseCode> known = ResponseCode.of(code.get());
        if (known.isEmpty()) {
            return unknown("responseCode '" + GatewayText.clean(code.get()) + "', which this plugin does not know");
        }
        if (known.get() == ResponseCode.SUCCESS && !parsed.isSuccessful()) {
            return unknown("HTTP " + parsed.status() + " with responseCode 0000");
        }
        return switch (known.get()) {
            case SUCCESS -> success(parsed);
            case REQUIRED_FIELD_MISSING -> new PaymentOutcome.Declined(code.get(), texts.detailsRefused());
            case LOW_BALANCE -> new PaymentOutcome.Declined(code.get(), texts.lowBalance());
            case ACCOUNT_DOES_NOT_EXIST -> new PaymentOutcome.Declined(code.get(), texts.noAccount());
            case SYSTEM_ERROR -> unknown("EasyPaisa " + known.get().describe() + "; it may have acted on the request");
            case INVALID_ORDER_ID -> unknown("EasyPaisa refused the order id: " + known.get().describe()
                    + ", most likely because it has seen this attempt before");
            default -> throw Refusals.configurationProblem(known.get(), settings, operation()).orElseThrow();
        };
    }

    private PaymentOutcome success(EasyPaisaApi.Parsed answer) {
        Optional<String> orderId = answer.text("orderId");
        if (orderId.isPresent() && !orderId.get().equalsIgnoreCase(attemptId.value())) {
            return unknown("responseCode 0000 about another order id");
        }
        Optional<String> transactionId = answer.text("transactionId").map(GatewayText::clean);
        Optional<String> statusText = answer.text("transactionStatus");
        Optional<TransactionStatus> status = statusText.flatMap(TransactionStatus::parse);
        if (statusText.isPresent() && status.isEmpty()) {
            return unknown("responseCode 0000 with transactionStatus '" + GatewayText.clean(statusText.get())
                    + "', which this plugin does not know");
        }
        if (status.isPresent() && status.get().isFinalFailure()) {
            return new PaymentOutcome.Declined(status.get().name(), texts.declined(status.get()));
        }
        if (status.isPresent() && status.get() == TransactionStatus.PAID && transactionId.isPresent()) {
            Optional<Money> paid = answer.text("transactionAmount").flatMap(StartAnswers::rupees);
            if (paid.isPresent()) {
                return new PaymentOutcome.Approved(transactionId.get(), paid.get());
            }
        }
        return flow == Flow.MOBILE_ACCOUNT ? approveOnPhone(transactionId) : voucher(answer, transactionId);
    }

    private PaymentOutcome approveOnPhone(Optional<String> transactionId) {
        return new PaymentOutcome.Pending(new CustomerAction.ApproveOnPhone(texts.approveOnPhone(requested),
                Optional.empty()), transactionId);
    }

    private PaymentOutcome voucher(EasyPaisaApi.Parsed answer, Optional<String> transactionId) {
        Optional<String> token = answer.text("paymentToken");
        if (token.isEmpty() || !TOKEN.matcher(token.get()).matches()) {
            return unknown("responseCode 0000 without a usable paymentToken: the voucher may exist");
        }
        // The REST API spells it "Expiry"; the older SOAP API "Exiry". Either way, ours if unreadable.
        Instant expiresAt = answer.text("paymentTokenExpiryDateTime")
                .or(() -> answer.text("paymentTokenExiryDateTime"))
                .flatMap(Formats::parseTime)
                .orElse(voucherExpirySent);
        return new PaymentOutcome.Pending(new CustomerAction.PayVoucher(token.get(), expiresAt,
                texts.payVoucher(requested, token.get(), expiresAt)), transactionId);
    }

    /** An amount EasyPaisa reported, if it is a positive PKR amount. */
    static Optional<Money> rupees(String text) {
        try {
            Money amount = Money.parse(text, Money.PKR);
            return amount.isPositive() ? Optional.of(amount) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private PaymentOutcome unknown(String what) {
        return PaymentOutcome.Unknown.of(what + " — " + operation() + " may or may not have happened; an inquiry"
                + " will tell");
    }

    private String operation() {
        return "initiate-" + flow.transactionType().toLowerCase(java.util.Locale.ROOT) + "-transaction for attempt "
                + attemptId;
    }
}
