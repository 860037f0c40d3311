package io.tijarat.core.payment.banktransfer;

import io.tijarat.spi.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A bank transaction that paid an order: which one, how much, and who confirmed it when. */
@Entity
@Table(name = "bank_transfer")
public class BankTransfer {

    /** How the transfer was confirmed. */
    public enum Source { STAFF, STATEMENT }

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "bank_reference", nullable = false, length = 100)
    private String bankReference;

    @Column(name = "order_id", nullable = false, length = 36)
    private String orderId;

    @Column(name = "attempt_id", nullable = false, length = 20)
    private String attemptId;

    @Column(name = "amount_minor", nullable = false)
    private long amountMinor;

    @Column(nullable = false, length = 3)
    private String currency;

    @Column(nullable = false, length = 16)
    private String source;

    @Column(name = "confirmed_by", nullable = false, length = 120)
    private String confirmedBy;

    @Column(name = "confirmed_at", nullable = false)
    private Instant confirmedAt;

    @Column(length = 300)
    private String note;

    protected BankTransfer() {
    }

    BankTransfer(String bankReference, String orderId, String attemptId, Money amount, Source source,
                 String confirmedBy, Instant confirmedAt, String note) {
        this.id = UUID.randomUUID().toString();
        this.bankReference = bankReference;
        this.orderId = orderId;
        this.attemptId = attemptId;
        this.amountMinor = amount.minorUnits();
        this.currency = amount.currency();
        this.source = source.name();
        this.confirmedBy = confirmedBy;
        this.confirmedAt = confirmedAt;
        this.note = note;
    }

    public String id() { return id; }
    public String bankReference() { return bankReference; }
    public String orderId() { return orderId; }
    public String attemptId() { return attemptId; }
    public Money amount() { return Money.of(amountMinor, currency); }
    public String source() { return source; }
    public String confirmedBy() { return confirmedBy; }
    public Instant confirmedAt() { return confirmedAt; }
    public String note() { return note; }
}
