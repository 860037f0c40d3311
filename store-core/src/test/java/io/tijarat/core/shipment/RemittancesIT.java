package io.tijarat.core.shipment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tijarat.core.order.Order;
import io.tijarat.core.order.OrderDraft;
import io.tijarat.core.testsupport.TestJpa;
import io.tijarat.spi.Money;
import io.tijarat.spi.PhoneNumber;
import io.tijarat.spi.shipping.RemittanceRecord;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The COD remittance report and the tracking job's remittance pull on the real database: paged and counted in
 * SQL, parcels already paid out (or delivered long ago) never loaded again.
 */
class RemittancesIT {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final String courier = "courier-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void empty_remittance_tables() {
        // only this feature writes these tables, and each test JVM has a database of its own
        inTx(em -> em.createNativeQuery("DELETE FROM cod_remittance").executeUpdate()
                + em.createNativeQuery("DELETE FROM shipment_label").executeUpdate()
                + em.createNativeQuery("DELETE FROM tracking_event").executeUpdate()
                + em.createNativeQuery("DELETE FROM shipment").executeUpdate());
    }

    @Test
    void givenManyMissingPayoutsAndMismatches_whenTheReportIsRead_thenOnePageIsLoadedWithTheTotals() {
        // Given 150 COD parcels delivered 30 days ago without a payout, one paid in full and one paid short
        List<Shipment> delivered = new ArrayList<>();
        for (int i = 0; i < 152; i++) {
            delivered.add(shipment(ShipmentStatus.DELIVERED, NOW.minus(Duration.ofDays(30)).plusSeconds(i)));
        }
        record(delivered.get(150), 10_000);
        record(delivered.get(151), 4_000);

        // When the first and the last page of 100 are read
        Remittances.Report first = remittances(r -> r.report(Duration.ofDays(7), 0, 100));
        Remittances.Report second = remittances(r -> r.report(Duration.ofDays(7), 1, 100));

        // Then each page holds at most 100 lines, the totals count them all, and nothing is reported twice
        assertEquals(100, first.missing().size());
        assertEquals(50, second.missing().size());
        assertEquals(150, first.missingCount());
        assertEquals(1, first.matched());
        assertEquals(1, first.mismatchCount());
        assertEquals("SHORT", first.mismatches().get(0).problem());
        Set<String> all = new HashSet<>();
        first.missing().forEach(line -> all.add(line.trackingNumber()));
        second.missing().forEach(line -> all.add(line.trackingNumber()));
        assertEquals(150, all.size());
        assertTrue(!all.contains(delivered.get(150).trackingNumber()) && !all.contains(delivered.get(151).trackingNumber()),
                "paid parcels are not missing");
        assertEquals(delivered.get(0).trackingNumber(), first.missing().get(0).trackingNumber(), "longest waiting first");
    }

    @Test
    void givenParcelsPaidOutOrDeliveredLongAgo_whenTheTrackingJobLooksForPayoutsToCome_thenOnlyTheOpenOnesAreLoaded() {
        Shipment open = shipment(ShipmentStatus.DELIVERED, NOW.minus(Duration.ofDays(3)));
        Shipment returned = shipment(ShipmentStatus.RETURNED, NOW.minus(Duration.ofDays(2)));
        Shipment paid = shipment(ShipmentStatus.DELIVERED, NOW.minus(Duration.ofDays(3)));
        Shipment ancient = shipment(ShipmentStatus.DELIVERED, NOW.minus(Duration.ofDays(400)));
        Shipment moving = shipment(ShipmentStatus.IN_TRANSIT, NOW.minus(Duration.ofDays(1)));
        record(paid, 10_000);

        List<String> loaded = ids(ledger(l -> l.codParcelsToSettle(courier, NOW.minus(Duration.ofDays(60)), "", 200)));

        assertEquals(Set.of(open.id(), returned.id()), Set.copyOf(loaded), "not " + paid.id() + ", " + ancient.id()
                + " or " + moving.id());
    }

    @Test
    void givenParcelsPaidInPart_whenTheTrackingJobLooksForPayoutsToCome_thenOnlyThoseStillOwedMoreAreLoaded() {
        Shipment upfrontOnly = shipment(ShipmentStatus.DELIVERED, NOW.minus(Duration.ofDays(3)));
        Shipment paidInTwo = shipment(ShipmentStatus.DELIVERED, NOW.minus(Duration.ofDays(3)));
        Shipment shortPaid = shipment(ShipmentStatus.DELIVERED, NOW.minus(Duration.ofDays(3)));
        Shipment returned = shipment(ShipmentStatus.RETURNED, NOW.minus(Duration.ofDays(3)));
        // upfront Rs 60 of Rs 100 collected, Rs 10 charges: Rs 30 still to come
        instalment(upfrontOnly, 10_000, 1_000L, 6_000, "CPR-1");
        instalment(paidInTwo, 10_000, 1_000L, 6_000, "CPR-1");
        instalment(paidInTwo, 10_000, null, 3_000, "CPR-2");
        // the courier says it collected Rs 80 of Rs 100 and paid it all: short, but nothing more is coming
        instalment(shortPaid, 8_000, 500L, 7_500, "CPR-1");
        remittances(r -> r.record(courier, List.of(RemittanceRecord.deduction(returned.trackingNumber(),
                Money.pkr(15_000), LocalDate.of(2026, 11, 28), "CPR-1"))));

        List<String> loaded = ids(ledger(l -> l.codParcelsToSettle(courier, NOW.minus(Duration.ofDays(60)), "", 200)));

        assertEquals(List.of(upfrontOnly.id()), loaded, "the reserve of " + upfrontOnly.id() + " is still to come");
    }

    private void instalment(Shipment shipment, long collected, Long charges, long remitted, String reference) {
        remittances(r -> r.record(courier, List.of(new RemittanceRecord(shipment.trackingNumber(), Money.pkr(collected),
                Optional.ofNullable(charges).map(Money::pkr), Money.pkr(remitted), LocalDate.of(2026, 11, 20), reference))));
    }

    @Test
    void givenMoreOpenParcelsThanAPage_whenPaged_thenEachIsLoadedOnceInIdOrder() {
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            expected.add(shipment(ShipmentStatus.DELIVERED, NOW.minus(Duration.ofDays(1))).id());
        }
        Instant since = NOW.minus(Duration.ofDays(60));

        List<String> seen = new ArrayList<>();
        String after = "";
        for (List<Shipment> page = ledger(l -> l.codParcelsToSettle(courier, since, "", 3)); !page.isEmpty();
             page = ledger(l -> l.codParcelsToSettle(courier, since, seen.get(seen.size() - 1), 3))) {
            assertTrue(page.size() <= 3);
            seen.addAll(ids(page));
        }

        assertEquals(7, seen.size(), seen.toString());
        assertEquals(expected, Set.copyOf(seen));
    }

    @Test
    void givenReturnDeductionsInAPayout_whenRecorded_thenOneForAReturnedParcelIsExpectedAndOneForADeliveredParcelIsAMismatch() {
        Shipment returned = shipment(ShipmentStatus.RETURNED, NOW.minus(Duration.ofDays(3)));
        Shipment delivered = shipment(ShipmentStatus.DELIVERED, NOW.minus(Duration.ofDays(3)));
        var charge = Money.pkr(18_000);

        int added = remittances(r -> r.record(courier, List.of(
                RemittanceRecord.deduction(returned.trackingNumber(), charge, LocalDate.of(2026, 11, 28), "CPR-9"),
                RemittanceRecord.deduction(delivered.trackingNumber(), charge, LocalDate.of(2026, 11, 28), "CPR-9"),
                RemittanceRecord.deduction(returned.trackingNumber(), charge, LocalDate.of(2026, 11, 28), "CPR-9"))));

        Remittances.Report report = remittances(r -> r.report(Duration.ofDays(7), 0, 100));
        assertEquals(2, added, "the same deduction reported twice is recorded once");
        assertEquals(1, report.mismatchCount(), "a return's deduction is expected; one for a delivered parcel is not");
        assertEquals("DEDUCTED_UNRETURNED", report.mismatches().get(0).problem());
        assertEquals(delivered.trackingNumber(), report.mismatches().get(0).trackingNumber());
    }

    @Test
    void givenACourierReadByDate_whenThePullIsNoted_thenTheNextPullKnowsWhereItStopped() {
        String reader = courier + "-dates";
        assertTrue(remittances(r -> r.pulledThrough(reader)).isEmpty(), "never read before");

        remittances(r -> { r.pulled(reader, LocalDate.of(2026, 11, 30)); return null; });
        remittances(r -> { r.pulled(reader, LocalDate.of(2026, 12, 1)); return null; });

        assertEquals(Optional.of(LocalDate.of(2026, 12, 1)), remittances(r -> r.pulledThrough(reader)));
    }

    private Shipment shipment(ShipmentStatus status, Instant at) {
        return inTx(em -> {
            var line = new OrderDraft.Line("v1", "SKU-1", "Ajrak", Money.pkr(10_000), 1, 100);
            var draft = new OrderDraft("Test Customer", PhoneNumber.of("+923001234567"), null, "en", "House 1", "Karachi",
                    null, "cod", courier, "standard", List.of(line), Money.pkr(10_000), Money.pkr(0), Money.pkr(0));
            Order order = new Order(draft, "TJ-" + UUID.randomUUID().toString().substring(0, 12).toUpperCase(),
                    "0".repeat(64), at, "test");
            em.persist(order);
            Shipment shipment = new Shipment(order.id(), order.number(), courier, "standard", Money.pkr(10_000), "PKR", at);
            shipment.booked("CN" + UUID.randomUUID().toString().substring(0, 12), null, null, at);
            shipment.advance(status, null, at);
            em.persist(shipment);
            return shipment;
        });
    }

    private void record(Shipment shipment, long collectedMinor) {
        remittances(r -> r.record(courier, List.of(new RemittanceRecord(shipment.trackingNumber(), Money.pkr(collectedMinor),
                Optional.empty(), Money.pkr(collectedMinor), LocalDate.of(2026, 11, 20), "PAYOUT-1"))));
    }

    private <T> T remittances(Function<Remittances, T> work) {
        return inTx(em -> {
            var remittances = new Remittances();
            remittances.em = em;
            remittances.clock = clock;
            return work.apply(remittances);
        });
    }

    private <T> T ledger(Function<ShipmentLedger, T> work) {
        return inTx(em -> {
            var ledger = new ShipmentLedger();
            ledger.em = em;
            ledger.clock = clock;
            return work.apply(ledger);
        });
    }

    private static List<String> ids(List<Shipment> shipments) {
        return shipments.stream().map(Shipment::id).toList();
    }

    private static <T> T inTx(Function<EntityManager, T> work) {
        return TestJpa.inTransaction(work);
    }
}
