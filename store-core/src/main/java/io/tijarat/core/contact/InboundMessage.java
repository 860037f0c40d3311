package io.tijarat.core.contact;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One distinct message a gateway sent to the shop's webhook (SPI 1.4): a customer's reply or a pushed delivery
 * report, stored once per provider and event key, with what the core made of it.
 */
@Entity
@Table(name = "inbound_message")
public class InboundMessage {

    /** A customer's reply or a delivery report. */
    public enum Kind { REPLY, DELIVERY }

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "provider_id", nullable = false, length = 40)
    private String providerId;

    @Column(name = "event_key", nullable = false, length = 200)
    private String eventKey;

    @Column(nullable = false, length = 10)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Kind kind;

    @Column(length = 16)
    private String phone;

    @Column(length = 1600)
    private String body;

    @Column(name = "gateway_message_id", length = 128)
    private String gatewayMessageId;

    @Column(nullable = false, length = 20)
    private String reading;

    @Column(name = "order_id", length = 36)
    private String orderId;

    @Column(nullable = false, length = 300)
    private String outcome;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    protected InboundMessage() {
        // for JPA
    }

    InboundMessage(String providerId, String eventKey, Kind kind, String phone, String body, String gatewayMessageId,
                   Instant now) {
        this.id = UUID.randomUUID().toString();
        this.providerId = providerId;
        this.eventKey = eventKey;
        this.kind = kind;
        this.phone = phone;
        this.body = body == null ? null : cut(body, 1600);
        this.gatewayMessageId = gatewayMessageId == null ? null : cut(gatewayMessageId, 128);
        this.reading = "RECEIVED";
        this.outcome = "received";
        this.receivedAt = now;
    }

    void read(String reading, String orderId, String outcome) {
        this.reading = reading;
        this.orderId = orderId;
        this.outcome = cut(outcome, 300);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    public String id() { return id; }
    public String providerId() { return providerId; }
    public Kind kind() { return kind; }
    public String phone() { return phone; }
    public String body() { return body; }
    public String reading() { return reading; }
    public String orderId() { return orderId; }
    public String outcome() { return outcome; }
    public Instant receivedAt() { return receivedAt; }
}
