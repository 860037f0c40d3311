package io.tijarat.core.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tijarat.core.config.TijaratSettings;
import io.tijarat.core.crypto.SecretBox;
import io.tijarat.core.error.ConflictException;
import io.tijarat.core.order.Order;
import io.tijarat.core.order.OrderDraft;
import io.tijarat.core.order.OrderEvent;
import io.tijarat.core.testsupport.MovableClock;
import io.tijarat.core.testsupport.TestJpa;
import io.tijarat.spi.Money;
import io.tijarat.spi.PhoneNumber;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The webhook tables on the real database: enqueueing in the order's transaction, claims with
 * {@code FOR UPDATE SKIP LOCKED} and leases, the retry schedule, disabling after failures in a row,
 * parking and retrying. The relay's HTTP side is {@link WebhookSenderTest}'s.
 */
class WebhookStoreIT {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-30T10:00:00Z"));
    private static final String KEY_1 = "k1:" + Base64.getEncoder().encodeToString(new byte[32]);
    private static final String KEY_2 = "k2:" + Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    private WebhookSettings settings = settings(KEY_1, "", 3600);

    /** Webhook settings in test mode with these keys and this grace period for rotated-out secrets. */
    private static WebhookSettings settings(String key, String previousKeys, long graceSeconds) {
        var values = Map.of("tijarat.mode", "test", "tijarat.secrets.key", key, "tijarat.secrets.previous-keys", previousKeys,
                "tijarat.webhooks.secret-grace-seconds", Long.toString(graceSeconds));
        return WebhookSettings.of(TijaratSettings.from(k -> Optional.ofNullable(values.get(k))));
    }
    private final RetrySchedule schedule = new RetrySchedule(1, () -> 0.0);

    @BeforeEach
    void empty_webhook_tables() {
        // only this feature writes these tables, and each test JVM has a database of its own
        inTx(em -> em.createNativeQuery("DELETE FROM webhook_delivery").executeUpdate()
                + em.createNativeQuery("DELETE FROM webhook_endpoint").executeUpdate());
    }

    private <T> T inTx(Function<EntityManager, T> work) {
        return TestJpa.inTransaction(work);
    }

    private <T> T store(Function<WebhookStore, T> work) {
        return inTx(em -> {
            var store = new WebhookStore();
            store.em = em;
            store.clock = clock;
            store.settings = settings;
            return work.apply(store);
        });
    }

    private WebhookEndpoint endpoint(String... events) {
        return store(s -> s.create("https://hooks.example.com/" + events.length, List.of(events), WebhookSecret.generate()));
    }

    private static Order order() {
        var line = new OrderDraft.Line("v1", "SKU-1", "Ajrak", Money.pkr(10_000), 1, 100);
        var draft = new OrderDraft("Test Customer", PhoneNumber.of("+923001234567"), null, "en", "House 1", "Karachi",
                null, "cod", "flat-rate", "standard", List.of(line), Money.pkr(10_000), Money.pkr(0), Money.pkr(0));
        return new Order(draft, "TJ-TEST-0001", "0".repeat(64), Instant.parse("2026-11-30T10:00:00Z"), "test");
    }

    private void enqueue(Order order, OrderEvent event) {
        inTx(em -> {
            var webhooks = new MerchantWebhooks();
            webhooks.em = em;
            webhooks.clock = clock;
            webhooks.enqueue(order, event, order.total());
            return null;
        });
    }

    private List<WebhookDelivery> deliveries(String endpointId) {
        return store(s -> s.deliveries(endpointId, 100));
    }

    private WebhookDelivery only(String endpointId) {
        List<WebhookDelivery> all = deliveries(endpointId);
        assertEquals(1, all.size(), all.toString());
        return all.get(0);
    }

    private WebhookStore.Recorded fail(WebhookStore.Claim claim, int disableAfter) {
        return store(s -> s.record(claim, new DeliveryOutcome.Rejected(500), schedule, disableAfter));
    }

    @Test
    void an_order_event_writes_one_delivery_per_active_subscribed_webhook_in_the_orders_transaction() {
        var all = endpoint("*");
        var paidOnly = endpoint("order.paid");
        var placedAndPaid = endpoint("order.placed", "order.paid");
        var disabled = endpoint("*");
        store(s -> s.disable(disabled.id(), "by the test"));
        Order order = order();

        enqueue(order, OrderEvent.ORDER_PLACED);

        assertEquals(1, deliveries(all.id()).size());
        assertEquals(0, deliveries(paidOnly.id()).size());
        assertEquals(1, deliveries(placedAndPaid.id()).size());
        assertEquals(0, deliveries(disabled.id()).size());
        WebhookDelivery d = only(all.id());
        assertEquals("order.placed", d.eventType());
        assertEquals(order.id(), d.orderId());
        assertEquals(WebhookDelivery.Status.PENDING, d.status());
        assertTrue(d.payload().contains("\"id\":\"" + d.id() + "\""), d.payload());
        assertFalse(d.id().equals(only(placedAndPaid.id()).id()), "each endpoint gets an event id of its own");

        // a rolled-back order change leaves no delivery behind
        assertThrows(IllegalStateException.class, () -> inTx(em -> {
            var webhooks = new MerchantWebhooks();
            webhooks.em = em;
            webhooks.clock = clock;
            webhooks.enqueue(order, OrderEvent.ORDER_PAID, order.total());
            throw new IllegalStateException("the order change failed");
        }));
        assertEquals(1, deliveries(all.id()).size());
    }

    @Test
    void concurrent_claims_skip_each_others_rows_and_a_lease_hides_a_claimed_row_until_it_runs_out() throws Exception {
        var endpoint = endpoint("*");
        for (int i = 0; i < 4; i++) {
            enqueue(order(), OrderEvent.ORDER_PLACED);
        }
        var holding = new CountDownLatch(1);
        var release = new CountDownLatch(1);

        // Given one relay holding its claim's transaction open
        CompletableFuture<List<WebhookStore.Claim>> first = CompletableFuture.supplyAsync(() -> store(s -> {
            List<WebhookStore.Claim> claims = s.claim(2);
            holding.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return claims;
        }));
        assertTrue(holding.await(30, TimeUnit.SECONDS));
        // When another claims at the same time, it is not blocked and gets the other rows
        List<WebhookStore.Claim> second = store(s -> s.claim(10));
        release.countDown();
        List<WebhookStore.Claim> firstClaims = first.get(30, TimeUnit.SECONDS);

        Set<String> ids = new HashSet<>();
        firstClaims.forEach(c -> ids.add(c.deliveryId()));
        second.forEach(c -> ids.add(c.deliveryId()));
        assertEquals(2, firstClaims.size());
        assertEquals(2, second.size());
        assertEquals(4, ids.size(), "no delivery claimed twice");
        assertTrue(firstClaims.stream().allMatch(c -> c.attempt() == 1 && c.url().equals(endpoint.url())));
        assertTrue(firstClaims.get(0).secrets().get(0).toString().contains("redacted"));
        assertFalse(firstClaims.get(0).toString().contains("whsec_"), firstClaims.get(0).toString());

        // Then a claimed row stays leased: not claimed again until the lease runs out
        assertEquals(List.of(), store(s -> s.claim(10)));
        clock.advance(WebhookStore.LEASE.plusSeconds(1));
        List<WebhookStore.Claim> again = store(s -> s.claim(10));
        assertEquals(4, again.size());
        assertTrue(again.stream().allMatch(c -> c.attempt() == 2), "an attempt lost in flight still counts");
    }

    @Test
    void failures_are_retried_on_the_schedule_and_the_eighth_gives_up() {
        var endpoint = endpoint("*");
        enqueue(order(), OrderEvent.ORDER_PAID);

        for (int attempt = 1; attempt <= RetrySchedule.MAX_ATTEMPTS; attempt++) {
            List<WebhookStore.Claim> claims = store(s -> s.claim(10));
            assertEquals(1, claims.size(), "attempt " + attempt);
            assertEquals(attempt, claims.get(0).attempt());
            WebhookStore.Recorded recorded = fail(claims.get(0), 100);

            WebhookDelivery d = only(endpoint.id());
            assertEquals(500, d.lastStatusCode());
            assertEquals("HTTP 500", d.lastError());
            if (attempt < RetrySchedule.MAX_ATTEMPTS) {
                Duration wait = RetrySchedule.WAITS.get(attempt - 1);
                assertEquals(WebhookStore.Recorded.RETRYING, recorded);
                assertEquals(clock.instant().plus(wait), d.nextAttemptAt());
                clock.advance(wait.minusSeconds(1));
                assertEquals(List.of(), store(s -> s.claim(10)), "not due before its time");
                clock.advance(Duration.ofSeconds(1));
            } else {
                assertEquals(WebhookStore.Recorded.FAILED, recorded);
                assertEquals(WebhookDelivery.Status.FAILED, d.status());
            }
        }
        clock.advance(Duration.ofDays(30));
        assertEquals(List.of(), store(s -> s.claim(10)), "a FAILED delivery waits for an admin");
        assertEquals(8, store(s -> s.endpoint(endpoint.id()).orElseThrow()).consecutiveFailures());
    }

    @Test
    void failures_in_a_row_disable_the_webhook_and_park_its_pending_deliveries_until_an_admin_acts() {
        var endpoint = endpoint("*");
        enqueue(order(), OrderEvent.ORDER_PLACED);
        for (int i = 0; i < 4; i++) {
            clock.advance(Duration.ofHours(11));
            assertEquals(WebhookStore.Recorded.RETRYING, fail(store(s -> s.claim(10)).get(0), 5));
        }
        // a success in between would have started the count again
        var counted = store(s -> s.endpoint(endpoint.id()).orElseThrow());
        assertTrue(counted.active());
        assertEquals(4, counted.consecutiveFailures());
        String waiting = only(endpoint.id()).id(); // due again in 2 h

        // When a new event fails as well: five failed attempts in a row
        enqueue(order(), OrderEvent.ORDER_PAID);
        List<WebhookStore.Claim> claims = store(s -> s.claim(10));
        assertEquals(1, claims.size());
        assertEquals(WebhookStore.Recorded.FAILED_AND_ENDPOINT_DISABLED, fail(claims.get(0), 5));

        // Then the webhook is disabled, with the reason, and the waiting delivery is parked
        var disabled = store(s -> s.endpoint(endpoint.id()).orElseThrow());
        assertFalse(disabled.active());
        assertNotNull(disabled.disabledAt());
        assertTrue(disabled.disabledReason().contains("5 consecutive failed deliveries") && disabled.disabledReason()
                .contains("HTTP 500"), disabled.disabledReason());
        assertTrue(deliveries(endpoint.id()).stream().allMatch(d -> d.status() == WebhookDelivery.Status.FAILED));
        clock.advance(Duration.ofDays(2));
        assertEquals(List.of(), store(s -> s.claim(10)));
        enqueue(order(), OrderEvent.ORDER_CANCELLED);
        assertEquals(2, deliveries(endpoint.id()).size(), "a disabled webhook gets no new deliveries");
        assertThrows(ConflictException.class, () -> store(s -> s.retry(waiting)), "enable it first");

        // When an admin enables it, the delivery that was waiting is due again at once (attempts kept), and succeeds
        var enabled = store(s -> s.enable(endpoint.id()));
        assertTrue(enabled.active());
        assertEquals(0, enabled.consecutiveFailures());
        assertNull(enabled.disabledReason());
        WebhookDelivery requeued = deliveries(endpoint.id()).stream().filter(d -> d.id().equals(waiting)).findFirst()
                .orElseThrow();
        assertEquals(WebhookDelivery.Status.PENDING, requeued.status());
        assertEquals(4, requeued.attempts());
        List<WebhookStore.Claim> retry = store(s -> s.claim(10));
        assertEquals(1, retry.size(), "the requeued one; the one whose failure disabled the webhook waits for a retry");
        assertEquals(waiting, retry.get(0).deliveryId());
        assertEquals(WebhookStore.Recorded.DELIVERED,
                store(s -> s.record(retry.get(0), new DeliveryOutcome.Delivered(200), schedule, 5)));

        WebhookDelivery delivered = store(s -> s.deliveries(endpoint.id(), 100)).stream()
                .filter(d -> d.id().equals(waiting)).findFirst().orElseThrow();
        assertEquals(WebhookDelivery.Status.DELIVERED, delivered.status());
        assertEquals(clock.instant(), delivered.deliveredAt());
        assertThrows(ConflictException.class, () -> store(s -> s.retry(waiting)), "only a FAILED one is retried");
    }

    @Test
    void a_success_starts_the_failure_count_again() {
        var endpoint = endpoint("*");
        enqueue(order(), OrderEvent.ORDER_PLACED);
        enqueue(order(), OrderEvent.ORDER_PLACED);
        enqueue(order(), OrderEvent.ORDER_PLACED);
        List<WebhookStore.Claim> claims = store(s -> s.claim(10));

        fail(claims.get(0), 2);
        store(s -> s.record(claims.get(1), new DeliveryOutcome.Delivered(204), schedule, 2));
        fail(claims.get(2), 2);

        var e = store(s -> s.endpoint(endpoint.id()).orElseThrow());
        assertTrue(e.active());
        assertEquals(1, e.consecutiveFailures());
    }

    @Test
    void an_admin_disabling_parks_pending_deliveries_and_deleting_removes_them_even_in_flight() {
        var endpoint = endpoint("*");
        enqueue(order(), OrderEvent.ORDER_PLACED);
        enqueue(order(), OrderEvent.ORDER_PAID);
        List<WebhookStore.Claim> inFlight = store(s -> s.claim(1));

        store(s -> s.disable(endpoint.id(), "disabled by an admin"));

        assertTrue(deliveries(endpoint.id()).stream().allMatch(d -> d.status() == WebhookDelivery.Status.FAILED));
        // the one in flight was sent: its answer still counts
        assertEquals(WebhookStore.Recorded.DELIVERED,
                store(s -> s.record(inFlight.get(0), new DeliveryOutcome.Delivered(200), schedule, 5)));

        boolean deleted = store(s -> s.delete(endpoint.id()));
        assertTrue(deleted);
        assertEquals(List.of(), inTx(em -> em.createQuery("select d.id from WebhookDelivery d where d.endpointId = :id",
                String.class).setParameter("id", endpoint.id()).getResultList()));
        assertEquals(WebhookStore.Recorded.GONE,
                store(s -> s.record(inFlight.get(0), new DeliveryOutcome.Delivered(200), schedule, 5)));
        boolean again = store(s -> s.delete(endpoint.id()));
        assertFalse(again, "nothing left to delete");
    }

    @Test
    void a_delivery_whose_webhook_was_deleted_meanwhile_is_dropped_at_claim_time() {
        var endpoint = endpoint("*");
        enqueue(order(), OrderEvent.ORDER_PLACED);
        inTx(em -> em.createNativeQuery("DELETE FROM webhook_endpoint WHERE id = ?1").setParameter(1, endpoint.id())
                .executeUpdate());

        assertEquals(List.of(), store(s -> s.claim(10)));
        assertEquals(0L, (long) inTx(em -> em.createQuery("select count(d) from WebhookDelivery d", Long.class)
                .getSingleResult()));
    }

    /** The row as stored: plain-text column, ciphertext, key id, previous ciphertext, previous key id. */
    private List<String> stored(String endpointId) {
        return inTx(em -> {
            Object[] row = (Object[]) em.createNativeQuery("SELECT secret, secret_ciphertext, secret_key_id,"
                    + " previous_secret_ciphertext, previous_secret_key_id FROM webhook_endpoint WHERE id = ?1")
                    .setParameter(1, endpointId).getSingleResult();
            return java.util.Arrays.stream(row).map(v -> v == null ? null : v.toString()).toList();
        });
    }

    private static List<String> revealed(WebhookStore.Claim claim) {
        return claim.secrets().stream().map(WebhookSecret::reveal).toList();
    }

    @Test
    void a_secret_is_stored_encrypted_and_a_rotation_signs_with_both_secrets_until_the_grace_period_ends() {
        WebhookSecret first = WebhookSecret.generate();
        var endpoint = store(s -> s.create("https://hooks.example.com/r", List.of("*"), first));

        // Then the database holds no plain secret: only a ciphertext and the key's id
        List<String> row = stored(endpoint.id());
        assertNull(row.get(0), "the plain-text column is empty");
        assertFalse(row.get(1).contains(first.reveal().substring(6)), "the ciphertext is not the secret");
        assertFalse(new String(Base64.getDecoder().decode(row.get(1)), java.nio.charset.StandardCharsets.ISO_8859_1)
                .contains(first.reveal().substring(6)), "nor is it merely encoded");
        assertEquals("k1", row.get(2));
        enqueue(order(), OrderEvent.ORDER_PLACED);
        WebhookStore.Claim before = store(s -> s.claim(10)).get(0);
        assertEquals(List.of(first.reveal()), revealed(before));

        // When an admin rotates the secret (grace: 1 hour)
        WebhookSecret second = WebhookSecret.generate();
        var rotated = store(s -> s.rotateSecret(endpoint.id(), second));
        assertEquals(clock.instant().plusSeconds(3600), rotated.previousSecretExpiresAt());
        assertFalse(stored(endpoint.id()).get(3).contains(first.reveal().substring(6)));

        // Then deliveries are signed with the new secret, then the old one
        enqueue(order(), OrderEvent.ORDER_PAID);
        WebhookStore.Claim during = store(s -> s.claim(10)).get(0);
        assertEquals(List.of(second.reveal(), first.reveal()), revealed(during));
        String header = WebhookSignature.sign(during.secrets(), "e1", 1000, new byte[0]);
        assertEquals(WebhookSignature.sign(second, "e1", 1000, new byte[0]) + " "
                + WebhookSignature.sign(first, "e1", 1000, new byte[0]), header);

        // and once the grace period has ended, with the new one only — and the old one is forgotten
        clock.advance(Duration.ofSeconds(3601).plus(WebhookStore.LEASE));
        enqueue(order(), OrderEvent.ORDER_CANCELLED);
        List<WebhookStore.Claim> after = store(s -> s.claim(10));
        assertFalse(after.isEmpty());
        after.forEach(c -> assertEquals(List.of(second.reveal()), revealed(c)));
        store(s -> s.record(after.get(0), new DeliveryOutcome.Delivered(200), schedule, 5));
        assertNull(stored(endpoint.id()).get(3), "the expired secret is no longer stored");
        assertNull(store(s -> s.endpoint(endpoint.id())).orElseThrow().previousSecretExpiresAt());
    }

    @Test
    void plain_text_secrets_from_before_v14_and_secrets_under_an_old_key_are_sealed_with_the_current_key_at_start() {
        // Given a webhook sealed with k1, one rotated under k1, and one written in plain text before V14
        var sealedWithOldKey = store(s -> s.create("https://hooks.example.com/a", List.of("*"), WebhookSecret.of("whsec_a")));
        var rotatedWithOldKey = store(s -> s.create("https://hooks.example.com/b", List.of("*"), WebhookSecret.of("whsec_b")));
        store(s -> s.rotateSecret(rotatedWithOldKey.id(), WebhookSecret.of("whsec_b2")));
        String legacy = java.util.UUID.randomUUID().toString();
        inTx(em -> em.createNativeQuery("INSERT INTO webhook_endpoint (id, url, events, secret, active, consecutive_failures,"
                        + " created_at) VALUES (?1, 'https://hooks.example.com/c', '*', 'whsec_legacy-plain', TRUE, 0, ?2)")
                .setParameter(1, legacy).setParameter(2, clock.instant()).executeUpdate());

        // When the server starts with a new key, k1 kept as a previous key
        settings = settings(KEY_2, KEY_1, 3600);
        int changed = store(WebhookStore::sealSecretsAtRest);

        // Then every secret is sealed with k2, the plain-text column is empty, and each still signs as before
        assertEquals(3, changed);
        for (String id : List.of(sealedWithOldKey.id(), rotatedWithOldKey.id(), legacy)) {
            List<String> row = stored(id);
            assertNull(row.get(0), id);
            assertEquals("k2", row.get(2), id);
        }
        assertEquals("k2", stored(rotatedWithOldKey.id()).get(4));
        assertFalse(stored(legacy).get(1).contains("legacy-plain"));
        enqueue(order(), OrderEvent.ORDER_PLACED);
        Map<String, List<String>> secrets = new java.util.HashMap<>();
        store(s -> s.claim(10)).forEach(c -> secrets.put(c.endpointId(), revealed(c)));
        assertEquals(List.of("whsec_a"), secrets.get(sealedWithOldKey.id()));
        assertEquals(List.of("whsec_b2", "whsec_b"), secrets.get(rotatedWithOldKey.id()));
        assertEquals(List.of("whsec_legacy-plain"), secrets.get(legacy));
        assertEquals(0, (int) store(WebhookStore::sealSecretsAtRest), "a second start changes nothing");

        // and a start without the key a secret is sealed with is refused, naming the key id
        settings = settings(KEY_1, "", 3600);
        var refused = assertThrows(SecretBox.CannotOpenException.class, () -> store(WebhookStore::sealSecretsAtRest));
        assertTrue(refused.getMessage().contains("'k2'") && refused.getMessage().contains("tijarat.secrets.previous-keys"),
                refused.getMessage());
    }
}
