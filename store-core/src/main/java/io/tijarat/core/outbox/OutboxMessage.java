package io.tijarat.core.outbox;

import io.tijarat.core.order.OrderEvent;

import io.tijarat.core.persistence.RowIds;
import io.tijarat.spi.notification.Channel;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One message to deliver. Its id is the event id the provider may use to drop duplicates. */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage {

    /** Where a message stands. */
    public enum State {
        PENDING,
        SENT,
        /** Refused for good, or out of retries: waits for an admin. */
        PARKED,
        /** The provider may or may not have delivered it: never sent again automatically. */
        UNCERTAIN
    }

    @Id
    @Column(length = 20)
    private String id;

    /** The order event (an {@link OrderEvent} name), or {@value #PROMOTION} for a promotional message. */
    @Column(name = "event_type", nullable = false, length = 32)
    private String eventType;

    /** A WhatsApp message's approved template, and the order's values that fill it (a JSON object). */
    @Column(name = "template_name", length = 100)
    private String templateName;

    @Column(name = "template_values", columnDefinition = "TEXT")
    private String templateValues;

    /** Transactional, or promotional: sent only while the recipient's consent stands. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 14)
    private io.tijarat.spi.notification.MessageCategory category = io.tijarat.spi.notification.MessageCategory.TRANSACTIONAL;

    @Column(name = "order_id", length = 36)
    private String orderId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private Channel channel;

    @Column(nullable = false, length = 254)
    private String recipient;

    @Column(nullable = false, length = 8)
    private String locale;

    @Column(length = 300)
    private String subject;

    @Column(nullable = false, columnDefinition = "TEXT")
    private String body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private State state;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "last_error", length = 300)
    private String lastError;

    @Column(name = "provider_id", length = 40)
    private String providerId;

    @Column(name = "provider_message_id", length = 200)
    private String providerMessageId;

    /** For SMS: GSM_7 or UCS_2, the parts billed, and their cost at the configured price (null for e-mail). */
    @Column(name = "sms_encoding", length = 8)
    private String smsEncoding;

    @Column(name = "sms_parts")
    private Integer smsParts;

    @Column(name = "cost_minor")
    private Long costMinor;

    /** What the gateway last said about delivery (PENDING, DELIVERED, FAILED), when it reports it. */
    @Column(name = "delivery_status", length = 12)
    private String deliveryStatus;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    /** When to ask the gateway about delivery next; null when it gives no reports or the answer is final. */
    @Column(name = "next_report_at")
    private Instant nextReportAt;

    @Column(name = "report_checks", nullable = false)
    private int reportChecks;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    protected OutboxMessage() {
        // for JPA
    }

    /** The event type of a promotional message. */
    public static final String PROMOTION = "PROMOTION";

    OutboxMessage(OrderEvent eventType, String orderId, Channel channel, String recipient, String locale, String subject,
                  String body, Instant now) {
        this(eventType.name(), orderId, channel, recipient, locale, subject, body, now);
    }

    /** A promotional SMS to {@code phone}, sent only while its consent stands. */
    static OutboxMessage promotion(String phone, String locale, String body, Instant now) {
        var message = new OutboxMessage(PROMOTION, null, Channel.SMS, phone, locale, null, body, now);
        message.category = io.tijarat.spi.notification.MessageCategory.PROMOTIONAL;
        return message;
    }

    private OutboxMessage(String eventType, String orderId, Channel channel, String recipient, String locale,
                          String subject, String body, Instant now) {
        this.id = RowIds.newId();
        this.eventType = eventType;
        this.orderId = orderId;
        this.channel = channel;
        this.recipient = recipient;
        this.locale = locale;
        this.subject = subject;
        this.body = body;
        this.state = State.PENDING;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    void template(String name, String valuesJson) {
        this.templateName = name;
        this.templateValues = valuesJson;
    }

    /** Records how the SMS goes out: its encoding, parts and cost. */
    void billedAs(io.tijarat.core.messaging.SmsParts parts, long pricePerPart) {
        this.smsEncoding = parts.encoding() == io.tijarat.core.messaging.SmsEncoding.GSM_7 ? "GSM_7" : "UCS_2";
        this.smsParts = parts.parts();
        this.costMinor = pricePerPart == 0 ? null : parts.cost(pricePerPart);
    }

    /**
     * Records the gateway's delivery report; a PENDING one is asked about again after {@code next} (null: stop).
     */
    void reported(io.tijarat.spi.notification.DeliveryReport.Status status, Instant at, Instant next) {
        if ("DELIVERED".equals(deliveryStatus) || "FAILED".equals(deliveryStatus)) {
            this.nextReportAt = null; // final: a late PENDING (a slow poll, an old webhook) changes nothing
            return;
        }
        this.deliveryStatus = status.name();
        this.reportChecks++;
        if (status == io.tijarat.spi.notification.DeliveryReport.Status.DELIVERED) {
            this.deliveredAt = at;
        }
        this.nextReportAt = status == io.tijarat.spi.notification.DeliveryReport.Status.PENDING ? next : null;
    }

    /** The gateway gives no reports, or has no record of the message: stop asking. */
    void noReports() {
        this.nextReportAt = null;
    }

    void lease(Instant until) {
        this.nextAttemptAt = until;
    }

    void sent(String providerId, String providerMessageId, Instant now) {
        this.state = State.SENT;
        this.nextReportAt = now.plus(java.time.Duration.ofMinutes(1));
        this.providerId = providerId;
        this.providerMessageId = providerMessageId;
        this.sentAt = now;
        this.attempts++;
    }

    void failed(String error, Instant retryAt, boolean park) {
        this.attempts++;
        this.lastError = error == null || error.length() <= 300 ? error : error.substring(0, 300);
        this.nextAttemptAt = retryAt;
        if (park) {
            this.state = State.PARKED;
        }
    }

    /** Parked before any attempt: nothing could send it when it was written. */
    void notRoutable(String reason) {
        this.state = State.PARKED;
        this.lastError = reason;
    }

    void uncertain(String providerId, String detail) {
        this.attempts++;
        this.state = State.UNCERTAIN;
        this.providerId = providerId;
        this.lastError = detail == null || detail.length() <= 300 ? detail : detail.substring(0, 300);
    }

    void retry(Instant now) {
        this.state = State.PENDING;
        this.nextAttemptAt = now;
    }

    public String id() { return id; }
    public String eventType() { return eventType; }
    public String templateName() { return templateName; }
    public String templateValues() { return templateValues; }
    public io.tijarat.spi.notification.MessageCategory category() { return category; }
    public String orderId() { return orderId; }
    public Channel channel() { return channel; }
    public String smsEncoding() { return smsEncoding; }
    public String deliveryStatus() { return deliveryStatus; }
    public Instant deliveredAt() { return deliveredAt; }
    public int reportChecks() { return reportChecks; }
    public Integer smsParts() { return smsParts; }
    public Long costMinor() { return costMinor; }
    public String recipient() { return recipient; }
    public String locale() { return locale; }
    public String subject() { return subject; }
    public String body() { return body; }
    public State state() { return state; }
    public int attempts() { return attempts; }
    public Instant nextAttemptAt() { return nextAttemptAt; }
    public String lastError() { return lastError; }
    public String providerId() { return providerId; }
    public String providerMessageId() { return providerMessageId; }
    public Instant createdAt() { return createdAt; }
    public Instant sentAt() { return sentAt; }
}
