package io.tijarat.plugin.easypaisa;

import io.tijarat.spi.Money;
import io.tijarat.spi.PermanentProviderException;
import io.tijarat.spi.TransientProviderException;
import io.tijarat.spi.payment.InquiryOutcome;
import io.tijarat.spi.payment.InquiryRequest;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Reads EasyPaisa's answer to {@code inquire-transaction} as an {@link InquiryOutcome}. An inquiry is a
 * read, so every answer that is not usable is a {@link TransientProviderException}: the core asks again.
 *
 * <table>
 *   <caption>What each answer becomes</caption>
 *   <tr><th>EasyPaisa</th><th>outcome</th></tr>
 *   <tr><td>{@code 0000} + {@code PAID} with a readable amount</td><td>{@code Paid}</td></tr>
 *   <tr><td>{@code 0000} + {@code PENDING}</td><td>{@code Pending}</td></tr>
 *   <tr><td>{@code 0000} + {@code FAILED}/{@code BLOCKED}/{@code EXPIRED}/{@code REVERSED}</td><td>{@code Failed}</td></tr>
 *   <tr><td>{@code 0000} with no, an unknown or an unreadable status or amount; an answer about another
 *       order; a code that makes no sense for an inquiry</td><td>{@code Unknown}</td></tr>
 *   <tr><td>{@code 0003} invalid order id</td><td>{@code NotFound}</td></tr>
 *   <tr><td>{@code 0001}, HTTP 429/500/503…, an HTML page, broken JSON, no responseCode</td>
 *       <td>{@link TransientProviderException}</td></tr>
 *   <tr><td>{@code 0002} (the inquiry's fields all come from configuration), {@code 0004}–{@code 0007},
 *       {@code 0010}, HTTP 401</td><td>{@link PermanentProviderException}</td></tr>
 * </table>
 *
 * @param request  what was asked
 * @param settings for messages that name configuration keys
 */
record InquiryAnswers(InquiryRequest request, EasyPaisaSettings settings) {

    /**
     * @throws TransientProviderException if the answer is not usable
     * @throws PermanentProviderException if the merchant's set-up is wrong
     */
    InquiryOutcome read(EasyPaisaApi.Answer answer) {
        if (answer.status() == 401) {
            throw Refusals.configurationProblem(ResponseCode.INVALID_CREDENTIALS, settings, operation()).orElseThrow();
        }
        if (answer instanceof EasyPaisaApi.Unreadable unreadable) {
            throw transientFailure(unreadable.description(), unreadable);
        }
        EasyPaisaApi.Parsed parsed = (EasyPaisaApi.Parsed) answer;
        Optional<String> code = parsed.responseCode();
        if (code.isEmpty()) {
            throw transientFailure("HTTP " + parsed.status() + " with JSON but no responseCode", parsed);
        }
        Optional<ResponseCode> known = ResponseCode.of(code.get());
        boolean failedStatus = parsed.status() >= 500 || parsed.status() == 429;
        if (failedStatus || (known.orElse(null) == ResponseCode.SUCCESS && !parsed.isSuccessful())) {
            throw transientFailure("HTTP " + parsed.status() + " with responseCode "
                    + GatewayText.clean(code.get()), parsed);
        }
        if (known.isEmpty()) {
            return new InquiryOutcome.Unknown("EasyPaisa answered responseCode '" + GatewayText.clean(code.get())
                    + "' to " + operation() + ", which this plugin does not know");
        }
        return switch (known.get()) {
            case SUCCESS -> status(parsed);
            case INVALID_ORDER_ID -> new InquiryOutcome.NotFound();
            case SYSTEM_ERROR -> throw transientFailure("EasyPaisa " + known.get().describe(), parsed);
            case REQUIRED_FIELD_MISSING -> throw new PermanentProviderException("EasyPaisa answered "
                    + known.get().describe() + " to " + operation() + ": every field of an inquiry comes from "
                    + settings.key(EasyPaisaSettings.STORE_ID) + " and " + settings.key(EasyPaisaSettings.ACCOUNT_NUMBER)
                    + "; check both");
            case PAYMENT_METHOD_NOT_ENABLED, LOW_BALANCE, ACCOUNT_DOES_NOT_EXIST -> new InquiryOutcome.Unknown(
                    "EasyPaisa answered " + known.get().describe() + " to " + operation()
                            + ", which does not say where the payment stands");
            default -> throw Refusals.configurationProblem(known.get(), settings, operation()).orElseThrow();
        };
    }

    private InquiryOutcome status(EasyPaisaApi.Parsed answer) {
        Optional<String> orderId = answer.text("orderId");
        if (orderId.isPresent() && !orderId.get().equalsIgnoreCase(request.attemptId().value())) {
            return new InquiryOutcome.Unknown("EasyPaisa answered " + operation() + " about another order id");
        }
        Optional<String> statusText = answer.text("transactionStatus");
        if (statusText.isEmpty()) {
            return new InquiryOutcome.Unknown("EasyPaisa answered " + operation() + " with 0000 but no"
                    + " transactionStatus");
        }
        Optional<TransactionStatus> status = TransactionStatus.parse(statusText.get());
        if (status.isEmpty()) {
            return new InquiryOutcome.Unknown("EasyPaisa answered " + operation() + " with transactionStatus '"
                    + GatewayText.clean(statusText.get()) + "', which this plugin does not know");
        }
        Optional<String> transactionId = answer.text("transactionId").map(GatewayText::clean);
        return switch (status.get()) {
            case PAID -> paid(answer, transactionId);
            case PENDING -> new InquiryOutcome.Pending(transactionId);
            default -> new InquiryOutcome.Failed(status.get().name(), failure(answer, status.get()));
        };
    }

    private InquiryOutcome paid(EasyPaisaApi.Parsed answer, Optional<String> transactionId) {
        Optional<Money> amount = answer.text("transactionAmount").flatMap(StartAnswers::rupees);
        if (amount.isEmpty()) {
            return new InquiryOutcome.Unknown("EasyPaisa reports attempt " + request.attemptId() + " PAID, but its"
                    + " transactionAmount is missing or not a rupee amount: check the EasyPaisa portal");
        }
        // EasyPaisa knows the payment by our order id; its own transaction id is better, when it sends one.
        String reference = transactionId.or(request::gatewayReference).orElse(request.attemptId().value());
        return new InquiryOutcome.Paid(reference, amount.get());
    }

    private String failure(EasyPaisaApi.Parsed answer, TransactionStatus status) {
        StringJoiner message = new StringJoiner("; ", "EasyPaisa reports " + status, "");
        answer.text("errorCode").map(GatewayText::clean).ifPresent(code -> message.add("errorCode " + code));
        answer.text("errorReason").map(GatewayText::clean).ifPresent(reason -> message.add(reason));
        return message.toString();
    }

    private TransientProviderException transientFailure(String what, EasyPaisaApi.Answer answer) {
        return new TransientProviderException("no usable answer to " + operation() + ": " + what, null,
                answer.retryAfter().orElse(null));
    }

    private String operation() {
        return "inquire-transaction for attempt " + request.attemptId();
    }
}
