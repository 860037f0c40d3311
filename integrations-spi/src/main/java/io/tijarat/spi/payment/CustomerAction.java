package io.tijarat.spi.payment;

import io.tijarat.spi.internal.Checks;
import java.net.URI;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the customer has to do next for a {@link PaymentOutcome.Pending pending} payment. The core
 * turns it into a page: a browser redirect, a "check your phone" screen, a voucher, or instructions.
 * Texts meant for the customer are in the request's locale and contain no internal detail.
 *
 * <p>New kinds of action may be added in a minor version; plugins only create these, so that does not
 * affect them.
 */
public sealed interface CustomerAction {

    /**
     * One handler per action, for {@link #match}: handling an action through it is exhaustive, so a new action
     * breaks the compile of every handler instead of reaching production unhandled (since SPI 1.2).
     */
    interface Cases<R> {
        R redirect(Redirect redirect);

        R approveOnPhone(ApproveOnPhone approveOnPhone);

        R payVoucher(PayVoucher payVoucher);

        R payOffline(PayOffline payOffline);
    }

    /** Calls the handler for this action. */
    <R> R match(Cases<R> cases);

    /**
     * Send the customer's browser to the gateway's hosted page. For {@code POST} the core renders a
     * form with {@link #fields()} that submits itself (JazzCash and EasyPaisa hosted checkout); for
     * {@code GET} the parameters belong in the URI and there are no fields.
     *
     * <p>{@link #toString()} omits the field values, which carry hashes and customer data.
     *
     * @param target the gateway's page; absolute, {@code https} in production
     * @param method how the browser goes there
     * @param fields the form fields for {@code POST}, in order
     */
    record Redirect(URI target, HttpMethod method, Map<String, String> fields) implements CustomerAction {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.redirect(this);
        }


        /** How the browser is sent to the target. */
        public enum HttpMethod { GET, POST }

        public Redirect {
            Checks.notNull(target, "target");
            if (!target.isAbsolute()) {
                throw new IllegalArgumentException("redirect target must be an absolute URI, was " + target);
            }
            Checks.notNull(method, "method");
            Checks.notNull(fields, "fields");
            if (method == HttpMethod.GET && !fields.isEmpty()) {
                throw new IllegalArgumentException("a GET redirect carries its parameters in the target URI, not in"
                        + " fields");
            }
            Map<String, String> copy = new LinkedHashMap<>();
            fields.forEach((name, value) -> copy.put(Checks.notBlank(name, "field name"),
                    Checks.notNull(value, "value of field " + name)));
            fields = Collections.unmodifiableMap(copy);
        }

        public static Redirect get(URI target) {
            return new Redirect(target, HttpMethod.GET, Map.of());
        }

        public static Redirect post(URI target, Map<String, String> fields) {
            return new Redirect(target, HttpMethod.POST, fields);
        }

        @Override
        public String toString() {
            return "Redirect[" + method + " " + target.getScheme() + "://" + target.getRawAuthority()
                    + target.getRawPath() + ", fields=" + fields.keySet() + "]";
        }
    }

    /**
     * The gateway has sent the customer a prompt to approve on their phone (a wallet PIN prompt);
     * the core shows the instructions and waits for a callback or inquiry.
     *
     * @param instructions what to do, e.g. "Approve the payment in your JazzCash app"
     * @param approveBy    when the prompt lapses, if the gateway says
     */
    record ApproveOnPhone(String instructions, Optional<Instant> approveBy) implements CustomerAction {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.approveOnPhone(this);
        }

        public ApproveOnPhone {
            Checks.notBlank(instructions, "instructions");
            Checks.optional(approveBy, "approveBy");
        }
    }

    /**
     * The gateway issued a voucher to pay over the counter at a shop or agent (JazzCash and EasyPaisa
     * OTC). The attempt stays pending until it is paid or expires.
     *
     * @param voucherCode  the code the customer quotes at the counter
     * @param expiresAt    when the gateway stops accepting it
     * @param instructions where and how to pay it
     */
    record PayVoucher(String voucherCode, Instant expiresAt, String instructions) implements CustomerAction {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.payVoucher(this);
        }

        public PayVoucher {
            Checks.notBlank(voucherCode, "voucherCode");
            Checks.notNull(expiresAt, "expiresAt");
            Checks.notBlank(instructions, "instructions");
        }
    }

    /**
     * The customer pays outside any gateway: cash to the rider on delivery, or a bank transfer to the
     * shop's account. No callback or inquiry will settle it: the core settles it from the courier's
     * COD remittance, or when staff confirm the transfer against the bank statement.
     *
     * @param instructions what to do, e.g. the shop's IBAN and the reference to quote
     * @param reference    the reference the customer must quote, if any, so staff can match the
     *                     payment
     */
    record PayOffline(String instructions, Optional<String> reference) implements CustomerAction {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.payOffline(this);
        }

        public PayOffline {
            Checks.notBlank(instructions, "instructions");
            Checks.optional(reference, "reference");
        }
    }
}
