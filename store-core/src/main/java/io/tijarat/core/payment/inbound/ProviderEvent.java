package io.tijarat.core.payment.inbound;

import io.tijarat.spi.Money;
import io.tijarat.spi.payment.InquiryOutcome;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** One distinct event a provider sent, what it reported, and whether it has been applied. */
@Entity
@Table(name = "provider_event")
public class ProviderEvent {

    static final String RECEIVED = "RECEIVED";
    static final String APPLIED = "APPLIED";

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "provider_id", nullable = false, length = 40)
    private String providerId;

    @Column(name = "event_key", nullable = false, length = 200)
    private String eventKey;

    @Column(name = "attempt_id", nullable = false, length = 20)
    private String attemptId;

    @Column(nullable = false, length = 16)
    private String reported;

    @Column(length = 100)
    private String reference;

    @Column(name = "amount_minor")
    private Long amountMinor;

    @Column(length = 3)
    private String currency;

    @Column(length = 300)
    private String message;

    @Column(name = "confirm_by_inquiry", nullable = false)
    private boolean confirmByInquiry;

    @Column(nullable = false, length = 16)
    private String state;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "applied_at")
    private Instant appliedAt;

    @Column(length = 300)
    private String outcome;

    /** An unsigned report is not confirmed (no inquiry is made) before this. */
    @Column(name = "confirm_after")
    private Instant confirmAfter;

    @Column(name = "confirm_tries", nullable = false)
    private int confirmTries;

    /** Further unsigned reports about the same attempt that arrived while this one waited. */
    @Column(nullable = false)
    private int coalesced;

    protected ProviderEvent() {
        // for JPA
    }

    ProviderEvent(String providerId, String eventKey, String attemptId, InquiryOutcome status, boolean confirmByInquiry,
                  Instant now) {
        this.id = UUID.randomUUID().toString();
        this.providerId = providerId;
        this.eventKey = eventKey;
        this.attemptId = attemptId;
        this.confirmByInquiry = confirmByInquiry;
        this.state = RECEIVED;
        this.receivedAt = now;
        if (status instanceof InquiryOutcome.Paid paid) {
            reported = "PAID";
            reference = paid.gatewayReference();
            amountMinor = paid.amount().minorUnits();
            currency = paid.amount().currency();
        } else if (status instanceof InquiryOutcome.Failed failed) {
            reported = "FAILED";
            reference = failed.code();
            message = failed.message().length() > 300 ? failed.message().substring(0, 300) : failed.message();
        } else if (status instanceof InquiryOutcome.Pending pending) {
            reported = "PENDING";
            reference = pending.gatewayReference().orElse(null);
        } else {
            reported = "UNKNOWN";
        }
    }

    /** What the provider reported, as the settlement function takes it. */
    InquiryOutcome reportedOutcome() {
        return switch (reported) {
            case "PAID" -> new InquiryOutcome.Paid(reference, Money.of(amountMinor, currency));
            case "FAILED" -> new InquiryOutcome.Failed(reference, message == null ? "failed" : message);
            case "PENDING" -> new InquiryOutcome.Pending(Optional.ofNullable(reference));
            default -> new InquiryOutcome.Unknown("reported without a status");
        };
    }

    /** Waits with the inquiry until {@code at} (backoff for the attempt). */
    void confirmNotBefore(Instant at) {
        this.confirmAfter = at;
    }

    /** The inquiry got no answer: next try after {@code wait}. */
    void confirmationUnanswered(Instant now, java.time.Duration wait) {
        this.confirmTries++;
        this.confirmAfter = now.plus(wait);
    }

    /** Another unsigned report about this attempt arrived while this one waited: it needs no inquiry of its own. */
    void coalesce() {
        this.coalesced++;
    }

    boolean isReceived() {
        return RECEIVED.equals(state);
    }

    void applied(String outcome, Instant now) {
        this.state = APPLIED;
        this.outcome = outcome.length() > 300 ? outcome.substring(0, 300) : outcome;
        this.appliedAt = now;
    }

    public String id() { return id; }
    public String providerId() { return providerId; }
    public String eventKey() { return eventKey; }
    public String attemptId() { return attemptId; }
    public String reported() { return reported; }
    public boolean confirmByInquiry() { return confirmByInquiry; }
    public String state() { return state; }
    public Instant receivedAt() { return receivedAt; }
    public Instant appliedAt() { return appliedAt; }
    public String outcome() { return outcome; }
    public Optional<Instant> confirmAfter() { return Optional.ofNullable(confirmAfter); }
    public int confirmTries() { return confirmTries; }
    public int coalesced() { return coalesced; }
}
