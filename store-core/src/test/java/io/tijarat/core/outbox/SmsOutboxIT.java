package io.tijarat.core.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tijarat.core.config.TijaratSettings;
import io.tijarat.core.order.Order;
import io.tijarat.core.order.OrderDraft;
import io.tijarat.core.order.OrderEvent;
import io.tijarat.core.order.OrderEventRaised;
import io.tijarat.core.provider.NotificationProviders;
import io.tijarat.core.testsupport.MovableClock;
import io.tijarat.core.testsupport.TestJpa;
import io.tijarat.spi.Money;
import io.tijarat.spi.PhoneNumber;
import io.tijarat.spi.notification.Channel;
import io.tijarat.spi.notification.MessageRequest;
import io.tijarat.spi.notification.NotificationCapability;
import io.tijarat.spi.notification.SendOutcome;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * SMS as customers get them and shops pay for them, on the real database: Urdu as UCS-2 where the gateway can send
 * it and English where it cannot, with the parts and their cost kept; and the daily caps per phone and per shop,
 * beyond which messages are parked with the reason instead of sent.
 */
class SmsOutboxIT {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-05T06:00:00Z")); // 11:00 in Karachi
    private final String phone = "+9230" + String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits())).substring(0, 8);
    private final List<MessageRequest> sent = new ArrayList<>();
    /** gateway message id → what the gateway reports (PENDING until told otherwise). */
    private final Map<String, String> reports = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger reportCalls = new java.util.concurrent.atomic.AtomicInteger();
    /** Sends the gateway refuses before it answers again: an outage. */
    private final java.util.concurrent.atomic.AtomicInteger outageLeft = new java.util.concurrent.atomic.AtomicInteger();

    @Test
    void givenAnUrduCustomer_whenTheGatewaySendsUnicode_thenTheSmsIsUrduAsUcs2WithItsPartsAndCost() {
        Order order = order("ur");

        OutboxMessage sms = write(order, true, Map.of());

        assertEquals("ur", sms.locale());
        assertTrue(sms.body().contains("آرڈر"), sms.body());
        assertEquals("UCS_2", sms.smsEncoding());
        int expectedParts = io.tijarat.core.messaging.SmsParts.of(sms.body()).parts();
        assertEquals(expectedParts, sms.smsParts());
        assertEquals(expectedParts * 150L, sms.costMinor(), "parts at Rs 1.50 each");
        assertEquals(OutboxMessage.State.PENDING, sms.state());
    }

    @Test
    void givenAnUrduCustomer_whenTheGatewayCannotSendUnicode_thenTheSmsGoesOutInEnglishNotGarbled() {
        OutboxMessage sms = write(order("ur"), false, Map.of());

        assertEquals("en", sms.locale());
        assertEquals("GSM_7", sms.smsEncoding());
        assertTrue(sms.body().startsWith("Dear") || sms.body().contains("order"), sms.body());
    }

    @Test
    void givenAnUrduTextLongerThanTheLimit_whenWritten_thenTheEnglishTextThatFitsIsSentNotACutOne() {
        OutboxMessage sms = write(order("ur"), true, Map.of("tijarat.sms.max-parts", "1"));

        assertEquals("en", sms.locale(), "the Urdu text takes 2 parts of UCS-2; the English one fits one");
        assertEquals(1, sms.smsParts());
        assertEquals(OutboxMessage.State.PENDING, sms.state());
    }

    @Test
    void givenNoTextTheGatewayCanCarry_whenWritten_thenParkedWithTheReasonNeverGarbled() {
        OutboxMessage sms = write(order("en", "عائشہ خان"), false, Map.of());

        assertEquals(OutboxMessage.State.PARKED, sms.state());
        assertTrue(sms.lastError().contains("needs UCS-2 (e.g. Urdu), which the SMS gateway cannot send"), sms.lastError());
    }

    @Test
    void givenAPhoneAtItsDailyCap_whenMoreSmsAreDue_thenTheRestAreParkedSayingWhyAndTheNextDayTheyMayGo() {
        Map<String, String> caps = Map.of("tijarat.sms.per-phone-per-day", "2");
        Order order = order("en");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(write(order, true, caps).id());
        }

        OutboxRelay.Run run = relay(caps).runOnce();

        assertEquals(2, run.sent());
        assertEquals(1, run.parked());
        List<OutboxMessage> mine = ids.stream().map(id -> TestJpa.inTransaction(em -> em.find(OutboxMessage.class, id))).toList();
        OutboxMessage parked = mine.stream().filter(m -> m.state() == OutboxMessage.State.PARKED).findFirst().orElseThrow();
        assertTrue(parked.lastError().contains("tijarat.sms.per-phone-per-day=2"), parked.lastError());
        assertEquals(2, sent.size(), "the gateway got two messages, not three");
    }

    @Test
    void givenAGatewayWithDeliveryReports_whenAsked_thenPendingIsAskedAgainLaterAndDeliveredIsFinal() {
        Order order = order("en");
        String id = write(order, true, Map.of()).id();
        OutboxRelay relay = relay(Map.of());
        assertEquals(1, relay.runOnce().sent());

        clock.advance(Duration.ofMinutes(2));
        relay.runOnce(); // the first look: still on its way
        OutboxMessage pending = TestJpa.inTransaction(em -> em.find(OutboxMessage.class, id));
        assertEquals("PENDING", pending.deliveryStatus());
        reports.put("MSG-" + sent.size(), "DELIVERED");
        clock.advance(Duration.ofMinutes(1));
        relay.runOnce(); // too soon: asked again after five minutes, not every run
        assertEquals("PENDING", TestJpa.inTransaction(em -> em.find(OutboxMessage.class, id)).deliveryStatus());

        clock.advance(Duration.ofMinutes(5));
        relay.runOnce();
        OutboxMessage delivered = TestJpa.inTransaction(em -> em.find(OutboxMessage.class, id));
        assertEquals("DELIVERED", delivered.deliveryStatus());
        int asked = reportCalls.get();
        clock.advance(Duration.ofHours(7));
        relay.runOnce();
        assertEquals(asked, reportCalls.get(), "a delivered message is not asked about again");
    }

    @Test
    void givenAPromotionWritten_whenTheCustomerWithdrawsBeforeItGoesOut_thenItIsNotSentAndAConsentingOneIs() {
        consent(true);
        String first = promotion();
        consent(false); // STOP, after the promotion was written
        OutboxRelay relay = relay(Map.of());

        OutboxRelay.Run run = relay.runOnce();

        assertEquals(0, run.sent());
        OutboxMessage parked = TestJpa.inTransaction(em -> em.find(OutboxMessage.class, first));
        assertEquals(OutboxMessage.State.PARKED, parked.state());
        assertTrue(parked.lastError().contains("withdrew"), parked.lastError());
        assertEquals(0, sent.size(), "the gateway got nothing");

        consent(true);
        promotion();
        assertEquals(1, relay.runOnce().sent());
        assertEquals(io.tijarat.spi.notification.MessageCategory.PROMOTIONAL, sent.get(0).category(),
                "the gateway is told it is promotional (sender masks and PTA rules differ)");
    }

    private void consent(boolean granted) {
        TestJpa.inTransaction(em -> em.createNativeQuery("INSERT INTO consent_event (phone, granted, source, actor, at)"
                + " VALUES (?1, ?2, 'ADMIN', 'test', ?3)").setParameter(1, phone).setParameter(2, granted)
                .setParameter(3, clock.instant()).executeUpdate());
    }

    private String promotion() {
        return TestJpa.inTransaction(em -> {
            var message = OutboxMessage.promotion(phone, "en", "Eid sale! Reply STOP to opt out.", clock.instant());
            em.persist(message);
            return message.id();
        });
    }

    @Test
    void givenAGatewayOutage_whenMessagesAreDue_thenTheyWaitAndRetryWithBackOffAndEachIsSentOnceWhenItIsBack() {
        Order order = order("en");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(write(order, true, Map.of()).id());
        }
        outageLeft.set(6); // the first two runs find the gateway down
        OutboxRelay relay = relay(Map.of());

        OutboxRelay.Run first = relay.runOnce();
        assertEquals(0, first.sent());
        assertEquals(3, first.retrying(), "waiting, not parked, not lost");
        assertEquals(0, relay.runOnce().sent(), "not due yet: retried after the back-off, not every run");
        clock.advance(Duration.ofMinutes(1));
        assertEquals(0, relay.runOnce().sent(), "still down");
        for (int minutes = 0; minutes < 10 && sent.size() < 3; minutes++) {
            clock.advance(Duration.ofMinutes(2));
            relay.runOnce();
        }

        assertEquals(3, sent.size(), "every message went out once the gateway was back");
        assertEquals(3, sent.stream().map(m -> m.eventId().value()).distinct().count(), "none twice");
        for (String id : ids) {
            OutboxMessage m = TestJpa.inTransaction(em -> em.find(OutboxMessage.class, id));
            assertEquals(OutboxMessage.State.SENT, m.state());
            assertEquals(3, m.attempts(), "two tries in the outage, then sent");
        }
    }

    // ------------------------------------------------------------------------------------------------------

    private Order order(String locale) {
        return order(locale, "Ayesha Khan");
    }

    private Order order(String locale, String name) {
        return TestJpa.inTransaction(em -> {
            var line = new OrderDraft.Line("v1", "SKU-1", "Ajrak", Money.pkr(223_900), 1, 100);
            var draft = new OrderDraft(name, PhoneNumber.of(phone), null, locale, "House 1", "Karachi", null,
                    "cod", "flat-rate", "STANDARD", List.of(line), Money.pkr(223_900), Money.pkr(0), Money.pkr(0));
            Order order = new Order(draft, "TJ-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(),
                    "0".repeat(64), clock.instant(), "test");
            em.persist(order);
            return order;
        });
    }

    private OutboxMessage write(Order order, boolean unicode, Map<String, String> extra) {
        return TestJpa.inTransaction(em -> {
            var outbox = new Outbox();
            outbox.em = em;
            outbox.clock = clock;
            outbox.settings = settings(extra);
            outbox.providers = gateway(unicode);
            Order managed = em.find(Order.class, order.id());
            outbox.on(new OrderEventRaised(managed, OrderEvent.ORDER_DELIVERED, managed.total(), Map.of()));
            em.flush();
            return em.createQuery("select m from OutboxMessage m where m.orderId = :o and m.channel = :sms"
                            + " order by m.createdAt desc, m.id desc", OutboxMessage.class)
                    .setParameter("o", order.id()).setParameter("sms", Channel.SMS).setMaxResults(1).getSingleResult();
        });
    }

    private TijaratSettings settings(Map<String, String> extra) {
        var values = new java.util.HashMap<>(Map.of("tijarat.mode", "dev", "tijarat.notifications.sms", "true",
                "tijarat.sms.price-per-part-paisa", "150"));
        values.putAll(extra);
        return TijaratSettings.from(key -> Optional.ofNullable(values.get(key)));
    }

    private NotificationProviders gateway(boolean unicode) {
        return (NotificationProviders) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {NotificationProviders.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "providerFor" -> args[0] == Channel.SMS ? Optional.of("sms-test") : Optional.empty();
                    case "supports" -> args[1] != NotificationCapability.UNICODE_SMS || unicode;
                    case "deliveryStatus" -> {
                        reportCalls.incrementAndGet();
                        yield Optional.of(new io.tijarat.spi.notification.DeliveryReport((String) args[1],
                                io.tijarat.spi.notification.DeliveryReport.Status.valueOf(
                                        reports.getOrDefault((String) args[1], "PENDING")),
                                Optional.of(clock.instant()), Optional.empty()));
                    }
                    case "send" -> {
                        if (outageLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                            // the gateway cannot be reached: nothing was sent (the core's guard says so this way)
                            throw new io.tijarat.core.provider.ProviderUnavailableException("sms-test",
                                    "connection refused", null);
                        }
                        synchronized (sent) {
                            sent.add((MessageRequest) args[1]);
                        }
                        yield new SendOutcome.Accepted("MSG-" + sent.size());
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** The relay, with each store call in its own transaction as in the server; only this test's phone is claimed. */
    private OutboxRelay relay(Map<String, String> extra) {
        var relay = new OutboxRelay();
        relay.providers = gateway(true);
        relay.clock = clock;
        relay.settings = settings(extra);
        relay.store = new OutboxStore() {
            private OutboxStore in(jakarta.persistence.EntityManager em) {
                var store = new OutboxStore();
                store.em = em;
                store.clock = SmsOutboxIT.this.clock; // not this anonymous store's own (unset) field
                return store;
            }

            @Override
            public List<OutboxMessage> claim(int limit) {
                return TestJpa.inTransaction(em -> in(em).claim(limit)).stream()
                        .filter(m -> m.recipient().equals(phone)).toList();
            }

            @Override
            public long sentSince(Channel channel, Instant since, String recipient) {
                return TestJpa.inTransaction(em -> in(em).sentSince(channel, since, recipient));
            }

            @Override
            public void sent(String id, String providerId, String providerMessageId) {
                TestJpa.inTransaction(em -> { in(em).sent(id, providerId, providerMessageId); return null; });
            }

            @Override
            public List<OutboxMessage> dueForReport(Instant now, Instant sentAfter, int limit) {
                return TestJpa.inTransaction(em -> in(em).dueForReport(now, sentAfter, limit)).stream()
                        .filter(m -> m.recipient().equals(phone)).toList();
            }

            @Override
            public void reported(String id, io.tijarat.spi.notification.DeliveryReport.Status status, Instant at,
                                 Instant next) {
                TestJpa.inTransaction(em -> { in(em).reported(id, status, at, next); return null; });
            }

            @Override
            public boolean promotionAllowed(String recipient) {
                return TestJpa.inTransaction(em -> in(em).promotionAllowed(recipient));
            }

            @Override
            public void failed(String id, String error, Instant retryAt, boolean park) {
                TestJpa.inTransaction(em -> { in(em).failed(id, error, retryAt, park); return null; });
            }
        };
        clock.advance(Duration.ofSeconds(1));
        return relay;
    }
}
