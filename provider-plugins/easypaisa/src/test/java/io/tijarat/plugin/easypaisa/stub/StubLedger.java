package io.tijarat.plugin.easypaisa.stub;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * What the stub's EasyPaisa remembers: transactions by order id (so a repeated order id is refused and an
 * inquiry has something to report), and hosted checkouts waiting for their {@code Confirm.jsf} by
 * {@code auth_token}. Thread-safe: WireMock serves requests from several threads.
 */
final class StubLedger {

    /** A hosted checkout between {@code Index.jsf} and {@code Confirm.jsf}. */
    record Checkout(String orderRefNum, BigDecimal amount, String paymentMethod, Optional<String> mobileNum) {
    }

    private final ConcurrentMap<String, StubTransaction> transactions = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Checkout> checkouts = new ConcurrentHashMap<>();
    /** Order ids ever used, by any flow: EasyPaisa refuses one twice. */
    private final ConcurrentMap<String, Boolean> orderIds = new ConcurrentHashMap<>();

    /** Claims an order id; false if it was used before. */
    boolean claim(String orderId) {
        return orderIds.putIfAbsent(orderId, Boolean.TRUE) == null;
    }

    void record(StubTransaction transaction) {
        transactions.put(transaction.orderId(), transaction);
    }

    Optional<StubTransaction> transaction(String orderId) {
        return Optional.ofNullable(transactions.get(orderId));
    }

    /** Moves a transaction to another status; false if there is none. */
    boolean settle(String orderId, String status) {
        return transactions.computeIfPresent(orderId, (id, transaction) -> transaction.withStatus(status)) != null;
    }

    void openCheckout(String authToken, Checkout checkout) {
        checkouts.put(authToken, checkout);
    }

    /** The checkout for a token, which is good once. */
    Optional<Checkout> takeCheckout(String authToken) {
        return Optional.ofNullable(checkouts.remove(authToken));
    }
}
