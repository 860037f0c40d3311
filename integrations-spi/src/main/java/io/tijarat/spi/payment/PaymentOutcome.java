package io.tijarat.spi.payment;

import io.tijarat.spi.Money;
import io.tijarat.spi.internal.Checks;
import java.util.Optional;

/**
 * The gateway's answer to {@link PaymentProvider#start}. The core handles every case:
 *
 * <table>
 *   <caption>What each outcome means and what the core does</caption>
 *   <tr><th>outcome</th><th>means</th><th>core</th></tr>
 *   <tr><td>{@link Approved}</td><td>the money is taken</td>
 *       <td>marks the attempt paid (after checking the amount)</td></tr>
 *   <tr><td>{@link Pending}</td><td>the gateway accepted the attempt and waits for the customer</td>
 *       <td>shows the {@link CustomerAction}; settles by callback or inquiry</td></tr>
 *   <tr><td>{@link Declined}</td><td>the gateway said no: a business answer</td>
 *       <td>shows the message; the customer may try again, as a new attempt. Not retried, not a
 *       circuit-breaker failure</td></tr>
 *   <tr><td>{@link Unknown}</td><td>the request may have reached the gateway, but there is no
 *       usable answer: it may or may not have happened</td>
 *       <td>never retries the start; settles by inquiry, then by staff. Counts against the
 *       breaker</td></tr>
 * </table>
 *
 * <p>When in doubt between {@code Declined} and {@code Unknown}, choose {@code Unknown}: a wrong
 * {@code Declined} makes a customer pay twice; a wrong {@code Unknown} only costs an inquiry.
 */
public sealed interface PaymentOutcome {

    /**
     * One handler per outcome, for {@link #match}. Handling an outcome through it instead of {@code instanceof}
     * makes the handling exhaustive: a new outcome adds a method here, and every handler stops compiling until it
     * says what the new outcome means (since SPI 1.2; plugins return outcomes, the core handles them).
     */
    interface Cases<R> {
        R approved(Approved approved);

        R pending(Pending pending);

        R declined(Declined declined);

        R unknown(Unknown unknown);
    }

    /** Calls the handler for this outcome. */
    <R> R match(Cases<R> cases);

    /**
     * Paid, there and then (a server-to-server wallet payment the customer approved).
     *
     * @param gatewayReference the gateway's own id for the transaction (JazzCash
     *                         {@code pp_RetreivalReferenceNo}), for refunds and support
     * @param amount           the amount the gateway reports as paid; the core compares it with the
     *                         request
     */
    record Approved(String gatewayReference, Money amount) implements PaymentOutcome {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.approved(this);
        }

        public Approved {
            Checks.notBlank(gatewayReference, "gatewayReference");
            requirePositive(amount);
        }
    }

    /**
     * Accepted by the gateway, waiting for the customer.
     *
     * @param next             what the customer must do
     * @param gatewayReference the gateway's id for the transaction, if it issued one already
     */
    record Pending(CustomerAction next, Optional<String> gatewayReference) implements PaymentOutcome {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.pending(this);
        }

        public Pending {
            Checks.notNull(next, "next");
            Checks.optional(gatewayReference, "gatewayReference");
        }

        public static Pending of(CustomerAction next) {
            return new Pending(next, Optional.empty());
        }
    }

    /**
     * The gateway refused: insufficient balance, wrong PIN, cancelled by the customer, limit exceeded.
     *
     * @param code            the gateway's code, for staff and statistics (e.g. JazzCash {@code "119"})
     * @param customerMessage what to tell the customer, in the request's locale: no codes, no internals
     */
    record Declined(String code, String customerMessage) implements PaymentOutcome {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.declined(this);
        }

        public Declined {
            Checks.notBlank(code, "code");
            Checks.notBlank(customerMessage, "customerMessage");
        }
    }

    /**
     * Maybe it happened: a response timeout, a connection dropped after sending, a duplicate-reference
     * error, an answer the plugin cannot read.
     *
     * @param gatewayReference the gateway's id, if one came back before things went wrong
     * @param detail           for staff and logs: what happened, without personal data
     */
    record Unknown(Optional<String> gatewayReference, String detail) implements PaymentOutcome {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.unknown(this);
        }

        public Unknown {
            Checks.optional(gatewayReference, "gatewayReference");
            Checks.notBlank(detail, "detail");
        }

        public static Unknown of(String detail) {
            return new Unknown(Optional.empty(), detail);
        }
    }

    private static void requirePositive(Money amount) {
        Checks.notNull(amount, "amount");
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("amount must be positive, was " + amount);
        }
    }
}
