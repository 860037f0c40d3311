package io.tijarat.core.webhook;

import io.tijarat.core.error.InvalidRequestException;
import io.tijarat.core.order.Order;
import io.tijarat.core.order.OrderEvent;
import io.tijarat.core.order.OrderEventRaised;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import io.tijarat.spi.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Merchant webhooks as the rest of the application uses them: {@link #enqueue} inside an order change's
 * transaction, and registering and managing webhooks for admins.
 */
@ApplicationScoped
public class MerchantWebhooks {

    /** Most webhooks a shop may register: every order event writes one row per webhook in the order's transaction. */
    public static final int MAX_WEBHOOKS = 20;

    @PersistenceContext(unitName = "tijarat")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    WebhookStore store;

    @Inject
    WebhookSettings settings;

    /**
     * How long "no active webhook" is trusted without asking the database again. Most shops register none, and
     * every order change would otherwise query for them. Registering or enabling one here clears it at once; one
     * registered through another server of a cluster is seen within this time.
     */
    static final long NONE_ACTIVE_TRUSTED_NANOS = 5_000_000_000L;

    // System.nanoTime() until which "no active webhook" holds; 0 when unknown
    private volatile long noneActiveUntil;

    /** A webhook and its new secret, which is shown this once. */
    public record Registration(WebhookEndpoint endpoint, String secret) {
        @Override
        public String toString() {
            return "Registration[" + endpoint.id() + "]";
        }
    }

    /**
     * Writes one delivery per active webhook subscribed to {@code event}, in the caller's transaction
     * ({@code MANDATORY}): committed with the order change, or not at all.
     */
    /** Subscribes to order events: after the outbox has written its messages, in the same transaction. */
    @Transactional(TxType.MANDATORY)
    public void on(@Observes @Priority(Interceptor.Priority.APPLICATION + 100) OrderEventRaised raised) {
        enqueue(raised.order(), raised.event(), raised.amount());
    }

    @Transactional(TxType.MANDATORY)
    public void enqueue(Order order, OrderEvent event, Money amount) {
        String type = WebhookEventTypes.of(event);
        long until = noneActiveUntil;
        if (until != 0 && System.nanoTime() - until < 0) {
            return;
        }
        List<WebhookEndpoint> endpoints = em.createQuery("select e from WebhookEndpoint e where e.active = true",
                WebhookEndpoint.class).getResultList();
        noneActiveUntil = endpoints.isEmpty() ? System.nanoTime() + NONE_ACTIVE_TRUSTED_NANOS : 0;
        Instant now = clock.instant();
        for (WebhookEndpoint endpoint : endpoints) {
            if (endpoint.subscribesTo(type)) {
                String eventId = UUID.randomUUID().toString();
                em.persist(new WebhookDelivery(eventId, endpoint.id(), order.id(), type,
                        WebhookPayload.json(eventId, type, now, order, amount), now));
            }
        }
    }

    /**
     * Registers {@code url} for {@code events} (public names such as {@code order.paid}, or {@code *}).
     *
     * @throws InvalidRequestException 400 for a malformed URL or unknown event, 422 for a URL the address
     *                                 policy refuses or when the shop already has {@value #MAX_WEBHOOKS}
     */
    public Registration register(String url, List<String> events) {
        Set<String> types = eventTypes(events);
        DestinationPolicy policy = settings.destinations();
        URI uri;
        try {
            uri = policy.parse(url);
            policy.admit(uri); // resolves the host: outside any transaction
        } catch (DestinationPolicy.RefusedException e) {
            throw e.malformed() ? InvalidRequestException.invalid("url", e.getMessage())
                    : InvalidRequestException.unprocessable("url", e.getMessage());
        }
        if (store.count() >= MAX_WEBHOOKS) {
            throw InvalidRequestException.unprocessable("url", "a shop can have at most " + MAX_WEBHOOKS
                    + " webhooks; delete one first");
        }
        WebhookSecret secret = WebhookSecret.generate();
        var registration = new Registration(store.create(uri.toString(), types, secret), secret.reveal());
        noneActiveUntil = 0;
        return registration;
    }

    /**
     * A new secret for webhook {@code id}, shown this once; the one it replaces keeps signing deliveries, beside
     * the new one, for {@code tijarat.webhooks.secret-grace-seconds} (then only the new one signs).
     *
     * @throws io.tijarat.core.error.NotFoundException when there is no such webhook
     */
    public Registration rotateSecret(String id) {
        WebhookSecret secret = WebhookSecret.generate();
        return new Registration(store.rotateSecret(id, secret), secret.reveal());
    }

    /**
     * The start-up step of V14: encrypts plain-text secrets left from before it, seals again with the current key
     * (key rotation), forgets expired rotated-out secrets. Runs before the server serves; returns how many webhooks
     * changed.
     */
    public int sealSecretsAtRest() {
        return store.sealSecretsAtRest();
    }

    public List<WebhookEndpoint> list() {
        return store.endpoints();
    }

    public Optional<WebhookEndpoint> find(String id) {
        return store.endpoint(id);
    }

    public WebhookEndpoint enable(String id) {
        WebhookEndpoint enabled = store.enable(id);
        noneActiveUntil = 0;
        return enabled;
    }

    public WebhookEndpoint disable(String id) {
        return store.disable(id, "disabled by an admin");
    }

    public boolean delete(String id) {
        return store.delete(id);
    }

    public List<WebhookDelivery> deliveries(String endpointId, int limit) {
        return store.deliveries(endpointId, limit);
    }

    public WebhookDelivery retry(String deliveryId) {
        return store.retry(deliveryId);
    }

    private static Set<String> eventTypes(List<String> events) {
        if (events == null || events.isEmpty()) {
            throw InvalidRequestException.invalid("events", "is required: a list of event types ("
                    + String.join(", ", WebhookEventTypes.all()) + ") or [\"*\"] for all");
        }
        Set<String> known = WebhookEventTypes.all();
        Set<String> types = new LinkedHashSet<>();
        List<InvalidRequestException.Violation> wrong = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            String type = events.get(i);
            if (type == null || !(known.contains(type) || type.equals(WebhookEventTypes.ALL))) {
                wrong.add(new InvalidRequestException.Violation("events[" + i + "]", "is not an event type; known: "
                        + String.join(", ", known) + ", or * for all"));
            } else {
                types.add(type);
            }
        }
        if (!wrong.isEmpty()) {
            throw InvalidRequestException.invalid(wrong);
        }
        return types.contains(WebhookEventTypes.ALL) ? Set.of(WebhookEventTypes.ALL) : types;
    }
}
