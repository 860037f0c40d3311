package io.tijarat.core.webhook;

import io.tijarat.core.crypto.SecretBox;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * A URL an admin registered for order events. Active until an admin disables it or it fails
 * {@code tijarat.webhooks.disable-after-failures} attempts in a row; disabling records when and why,
 * enabling clears the failure count. The secret is stored encrypted ({@link SecretBox}, bound to this row's id),
 * is readable only inside this package (to sign), never through the public API. After a rotation the previous
 * secret is kept, encrypted, until its grace period ends, and deliveries are signed with both.
 */
@Entity
@Table(name = "webhook_endpoint")
public class WebhookEndpoint {

    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false, length = DestinationPolicy.MAX_LENGTH)
    private String url;

    /** Comma-separated event types, or {@code *} for all. */
    @Column(nullable = false, length = 1000)
    private String events;

    /** The plain-text secret of a row written before V14; encrypted and emptied at start-up. */
    @Column(name = "secret", length = 64)
    private String legacySecret;

    @Column(name = "secret_ciphertext", length = 255)
    private String secretCiphertext;

    @Column(name = "secret_key_id", length = 32)
    private String secretKeyId;

    @Column(name = "previous_secret_ciphertext", length = 255)
    private String previousSecretCiphertext;

    @Column(name = "previous_secret_key_id", length = 32)
    private String previousSecretKeyId;

    @Column(name = "previous_secret_expires_at")
    private Instant previousSecretExpiresAt;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "consecutive_failures", nullable = false)
    private int consecutiveFailures;

    @Column(name = "disabled_at")
    private Instant disabledAt;

    @Column(name = "disabled_reason", length = 300)
    private String disabledReason;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected WebhookEndpoint() {
        // for JPA
    }

    WebhookEndpoint(String id, String url, Collection<String> events, SecretBox box, WebhookSecret secret, Instant now) {
        this.id = id;
        this.url = url;
        this.events = String.join(",", new TreeSet<>(events));
        storeSecret(box.seal(secret.reveal(), context()));
        this.active = true;
        this.createdAt = now;
    }

    boolean subscribesTo(String eventType) {
        return events.equals(WebhookEventTypes.ALL) || Arrays.asList(events.split(",")).contains(eventType);
    }

    /** Counts a failed attempt; returns true when this one disables the endpoint. */
    boolean failed(int disableAfter, String lastError, Instant now) {
        consecutiveFailures++;
        if (active && consecutiveFailures >= disableAfter) {
            disable("disabled after " + consecutiveFailures + " consecutive failed deliveries; last: " + lastError, now);
            return true;
        }
        return false;
    }

    void succeeded() {
        consecutiveFailures = 0;
    }

    void disable(String reason, Instant now) {
        active = false;
        disabledAt = now;
        disabledReason = reason.length() <= 300 ? reason : reason.substring(0, 300);
    }

    void enable() {
        active = true;
        consecutiveFailures = 0;
        disabledAt = null;
        disabledReason = null;
    }

    /** What the secrets are bound to when sealed: this row, so a ciphertext copied to another row does not open. */
    private String context() {
        return "webhook_endpoint.secret:" + id;
    }

    private void storeSecret(SecretBox.Sealed sealed) {
        this.secretCiphertext = sealed.ciphertext();
        this.secretKeyId = sealed.keyId();
        this.legacySecret = null;
    }

    private WebhookSecret currentSecret(SecretBox box) {
        if (secretCiphertext == null) {
            // written in plain text by a server older than V14 after this one started: encrypted at the next start
            return WebhookSecret.of(legacySecret);
        }
        return WebhookSecret.of(box.open(new SecretBox.Sealed(secretKeyId, secretCiphertext), context()));
    }

    private boolean previousValidAt(Instant now) {
        return previousSecretCiphertext != null && previousSecretExpiresAt != null && previousSecretExpiresAt.isAfter(now);
    }

    /** The secrets a delivery sent at {@code now} is signed with: the current one, then the previous one in its grace. */
    List<WebhookSecret> signingSecrets(SecretBox box, Instant now) {
        List<WebhookSecret> secrets = new ArrayList<>(2);
        secrets.add(currentSecret(box));
        if (previousValidAt(now)) {
            secrets.add(WebhookSecret.of(box.open(new SecretBox.Sealed(previousSecretKeyId, previousSecretCiphertext),
                    context())));
        }
        return secrets;
    }

    /**
     * {@code fresh} becomes the secret; the one it replaces keeps signing until {@code now + grace}. A previous
     * secret still in its grace is dropped at once: at most two secrets are valid at a time.
     */
    void rotate(SecretBox box, WebhookSecret fresh, Instant now, Duration grace) {
        SecretBox.Sealed previous = box.seal(currentSecret(box).reveal(), context());
        storeSecret(box.seal(fresh.reveal(), context()));
        this.previousSecretCiphertext = previous.ciphertext();
        this.previousSecretKeyId = previous.keyId();
        // whole seconds: what every supported database keeps exactly, so the answer and later reads agree
        this.previousSecretExpiresAt = now.plus(grace).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    /** Forgets a previous secret whose grace has ended; returns whether there was one. */
    boolean forgetExpiredSecret(Instant now) {
        if (previousSecretCiphertext == null || previousValidAt(now)) {
            return false;
        }
        previousSecretCiphertext = null;
        previousSecretKeyId = null;
        previousSecretExpiresAt = null;
        return true;
    }

    /**
     * Encrypts a plain-text secret left from before V14, and seals again with the current key whatever another
     * key sealed (key rotation); returns whether anything changed.
     *
     * @throws SecretBox.CannotOpenException when a secret's key is not configured
     */
    boolean sealAtRest(SecretBox box, Instant now) {
        boolean changed = forgetExpiredSecret(now);
        if (secretCiphertext == null || !box.isCurrent(new SecretBox.Sealed(secretKeyId, secretCiphertext))) {
            storeSecret(box.seal(currentSecret(box).reveal(), context()));
            changed = true;
        } else if (legacySecret != null) {
            legacySecret = null;
            changed = true;
        }
        if (previousSecretCiphertext != null && !previousSecretKeyId.equals(box.currentKeyId())) {
            SecretBox.Sealed again = box.seal(box.open(new SecretBox.Sealed(previousSecretKeyId, previousSecretCiphertext),
                    context()), context());
            previousSecretCiphertext = again.ciphertext();
            previousSecretKeyId = again.keyId();
            changed = true;
        }
        return changed;
    }

    public String id() { return id; }
    public String url() { return url; }
    public List<String> events() { return List.of(events.split(",")); }
    public boolean active() { return active; }
    public int consecutiveFailures() { return consecutiveFailures; }
    public Instant disabledAt() { return disabledAt; }
    public String disabledReason() { return disabledReason; }
    public Instant createdAt() { return createdAt; }

    /**
     * Until when the secret replaced by the last rotation signs deliveries beside the current one; null when there is
     * none (a time in the past: it no longer signs, and is forgotten at the next delivery or start).
     */
    public Instant previousSecretExpiresAt() { return previousSecretExpiresAt; }
}
