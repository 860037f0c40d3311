package io.tijarat.plugin.easypaisa.stub;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * One transaction as the stub's EasyPaisa keeps it: what {@code inquire-transaction} reports.
 *
 * @param orderId       the merchant's order id (Tijarat's attempt id)
 * @param paymentMode   {@code MA}, {@code OTC} or {@code CC}
 * @param amount        rupees, as the merchant sent them
 * @param msisdn        the customer's number, {@code 03…}, if one was given
 * @param transactionId EasyPaisa's id
 * @param status        {@code PAID}, {@code PENDING}, {@code FAILED}, {@code BLOCKED}, {@code EXPIRED},
 *                      {@code REVERSED}
 * @param paymentToken  the OTC voucher's token, if any
 * @param tokenExpiry   when the token lapses, if there is one
 * @param createdAt     when EasyPaisa took the request
 */
public record StubTransaction(String orderId, String paymentMode, BigDecimal amount, Optional<String> msisdn,
                              String transactionId, String status, Optional<String> paymentToken,
                              Optional<Instant> tokenExpiry, Instant createdAt) {

    StubTransaction withStatus(String newStatus) {
        return new StubTransaction(orderId, paymentMode, amount, msisdn, transactionId, newStatus, paymentToken,
                tokenExpiry, createdAt);
    }
}
