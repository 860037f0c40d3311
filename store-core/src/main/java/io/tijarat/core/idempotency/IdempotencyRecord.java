package io.tijarat.core.idempotency;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The first request made with a key, and — once finished — the response to replay. */
@Entity
@Table(name = "idempotency_record")
public class IdempotencyRecord {

    static final String IN_PROGRESS = "IN_PROGRESS";
    static final String COMPLETED = "COMPLETED";

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "client_id", nullable = false, length = 64)
    private String clientId;

    @Column(name = "idem_key", nullable = false, length = 255)
    private String key;

    @Column(nullable = false, length = 40)
    private String operation;

    @Column(name = "request_hash", nullable = false, length = 64)
    private String requestHash;

    @Column(nullable = false, length = 16)
    private String state;

    @Column(name = "order_id", length = 36)
    private String orderId;

    @Column(name = "response_status")
    private Integer responseStatus;

    @Column(name = "response_body", columnDefinition = "MEDIUMTEXT")
    private String responseBody;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected IdempotencyRecord() {
        // for JPA
    }

    IdempotencyRecord(String clientId, String operation, String key, String requestHash, Instant now, Instant expiresAt) {
        this.id = UUID.randomUUID().toString();
        this.clientId = clientId;
        this.operation = operation;
        this.key = key;
        this.requestHash = requestHash;
        this.state = IN_PROGRESS;
        this.createdAt = now;
        this.updatedAt = now;
        this.expiresAt = expiresAt;
    }

    void complete(int status, String body, Instant now) {
        if (COMPLETED.equals(state)) {
            return; // a recovered request answered first: its answer stays the one replayed
        }
        this.state = COMPLETED;
        this.responseStatus = status;
        this.responseBody = body;
        this.updatedAt = now;
    }

    void attachOrder(String orderId, Instant now) {
        this.orderId = orderId;
        this.updatedAt = now;
    }

    void touch(Instant now) {
        this.updatedAt = now;
    }

    public String id() { return id; }
    String requestHash() { return requestHash; }
    String state() { return state; }
    String orderId() { return orderId; }
    Integer responseStatus() { return responseStatus; }
    String responseBody() { return responseBody; }
    Instant updatedAt() { return updatedAt; }
}
