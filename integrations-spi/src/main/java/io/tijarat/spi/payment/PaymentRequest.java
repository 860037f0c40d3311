package io.tijarat.spi.payment;

import io.tijarat.spi.IdempotencyKey;
import io.tijarat.spi.Money;
import io.tijarat.spi.internal.Checks;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Everything needed to start one payment attempt. The core builds it; plugins read it.
 *
 * <p><b>Idempotency.</b> {@link #attemptId()} identifies this attempt for good: the plugin sends it as
 * the gateway's merchant reference (JazzCash {@code pp_TxnRefNo}, EasyPaisa {@code orderRefNum}). If
 * the core retries the start after a {@code TransientProviderException}, it sends the same attempt id;
 * a gateway that reports it as a duplicate (JazzCash 116) has seen the first request, so the plugin
 * returns {@link PaymentOutcome.Unknown} and lets inquiry tell what became of it. A customer who tries
 * again after a decline gets a new attempt, with a new id.
 *
 * @param attemptId   the attempt's id and idempotency key, forwarded as the merchant reference
 * @param orderNumber the shop's order number, for the gateway's bill reference and the customer's eyes
 * @param amount      what to charge; positive
 * @param description a short description for the gateway's page and statements, e.g. "Order 1042";
 *                    plugins shorten it to the gateway's limit
 * @param customer    who pays
 * @param method      the customer's chosen way to pay
 * @param wallet      the wallet to prompt directly, instead of the hosted page; only with
 *                    {@link PaymentMethod#WALLET}
 * @param returnUrl   where the gateway sends the customer's browser afterwards, for hosted checkouts;
 *                    the core's URL, which reaches {@link PaymentProvider#verifyCallback}
 * @param callbackUrl where the gateway notifies the server, for gateways that take it per request
 *                    (others have it registered in their portal)
 * @param locale      the customer's language ({@code en} or {@code ur} today): for the gateway's page
 *                    and for instructions in a {@link CustomerAction}
 * @param deliveryCity the city the order is delivered to, as the core stores it (the English name,
 *                    e.g. {@code Lahore}, even when the customer typed it in Urdu), for rules that depend on
 *                    where the parcel goes (cash on delivery only in some cities); at most 100 characters.
 *                    Since SPI 1.1. Empty when the core does not know it (an order without delivery) or
 *                    the request was built by code written for SPI 1.0 (the ten-argument constructor):
 *                    a plugin must then decide without it, and should not refuse for that alone
 */
public record PaymentRequest(IdempotencyKey attemptId, String orderNumber, Money amount, String description,
                             Customer customer, PaymentMethod method, Optional<WalletAccount> wallet,
                             Optional<URI> returnUrl, Optional<URI> callbackUrl, Locale locale,
                             Optional<String> deliveryCity) {

    public PaymentRequest {
        Checks.notNull(attemptId, "attemptId");
        Checks.notBlank(orderNumber, "orderNumber", 64);
        Checks.notNull(amount, "amount");
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("amount must be positive, was " + amount);
        }
        Checks.notBlank(description, "description");
        Checks.notNull(customer, "customer");
        Checks.notNull(method, "method");
        Checks.optional(wallet, "wallet");
        if (wallet.isPresent() && method != PaymentMethod.WALLET) {
            throw new IllegalArgumentException("a wallet account is only for method WALLET, not " + method);
        }
        requireAbsolute(Checks.optional(returnUrl, "returnUrl"), "returnUrl");
        requireAbsolute(Checks.optional(callbackUrl, "callbackUrl"), "callbackUrl");
        Checks.notNull(locale, "locale");
        Checks.optional(deliveryCity, "deliveryCity").ifPresent(city -> Checks.notBlank(city, "deliveryCity", 100));
    }

    /**
     * The SPI 1.0 form, without a delivery city: kept so that code compiled against 1.0 keeps running.
     * New code uses the {@link #builder() builder}.
     */
    public PaymentRequest(IdempotencyKey attemptId, String orderNumber, Money amount, String description,
                          Customer customer, PaymentMethod method, Optional<WalletAccount> wallet,
                          Optional<URI> returnUrl, Optional<URI> callbackUrl, Locale locale) {
        this(attemptId, orderNumber, amount, description, customer, method, wallet, returnUrl, callbackUrl, locale,
                Optional.empty());
    }

    public static Builder builder() {
        return new Builder();
    }

    private static void requireAbsolute(Optional<URI> uri, String name) {
        if (uri.isPresent() && !uri.get().isAbsolute()) {
            throw new IllegalArgumentException(name + " must be an absolute URI, was " + uri.get());
        }
    }

    /**
     * Collects a request's parts; {@link #build()} validates them. Defaults: method {@code ANY},
     * locale English, no wallet, no URLs, no delivery city. Not thread-safe.
     */
    public static final class Builder {
        private IdempotencyKey attemptId;
        private String orderNumber;
        private Money amount;
        private String description;
        private Customer customer;
        private PaymentMethod method = PaymentMethod.ANY;
        private WalletAccount wallet;
        private URI returnUrl;
        private URI callbackUrl;
        private Locale locale = Locale.ENGLISH;
        private String deliveryCity;

        private Builder() {
        }

        public Builder attemptId(IdempotencyKey attemptId) {
            this.attemptId = attemptId;
            return this;
        }

        public Builder orderNumber(String orderNumber) {
            this.orderNumber = orderNumber;
            return this;
        }

        public Builder amount(Money amount) {
            this.amount = amount;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder customer(Customer customer) {
            this.customer = customer;
            return this;
        }

        public Builder method(PaymentMethod method) {
            this.method = method;
            return this;
        }

        /** Charges this wallet directly; also sets the method to {@code WALLET}. */
        public Builder wallet(WalletAccount wallet) {
            this.wallet = wallet;
            this.method = PaymentMethod.WALLET;
            return this;
        }

        public Builder returnUrl(URI returnUrl) {
            this.returnUrl = returnUrl;
            return this;
        }

        public Builder callbackUrl(URI callbackUrl) {
            this.callbackUrl = callbackUrl;
            return this;
        }

        public Builder locale(Locale locale) {
            this.locale = locale;
            return this;
        }

        /** The city the order is delivered to; {@code null} for none. Since SPI 1.1. */
        public Builder deliveryCity(String deliveryCity) {
            this.deliveryCity = deliveryCity;
            return this;
        }

        public PaymentRequest build() {
            return new PaymentRequest(attemptId, orderNumber, amount, description, customer, method,
                    Optional.ofNullable(wallet), Optional.ofNullable(returnUrl), Optional.ofNullable(callbackUrl),
                    locale, Optional.ofNullable(deliveryCity));
        }
    }
}
