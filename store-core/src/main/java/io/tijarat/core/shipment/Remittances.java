package io.tijarat.core.shipment;

import io.tijarat.spi.shipping.RemittanceRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Matches a courier's COD payout lines to our parcels, once per (courier, tracking number, payout
 * reference), and reports what does not add up: missing (delivered with cash to collect, no payout after
 * the grace period), short, returned-but-charged, unknown parcels.
 */
@ApplicationScoped
public class Remittances {

    @PersistenceContext(unitName = "tijarat")
    EntityManager em;

    @Inject
    Clock clock;

    /** The report admins read. */
    public record Report(List<Line> mismatches, List<Line> missing, int matched) {
        /** One parcel that needs a look. */
        public record Line(String trackingNumber, String orderId, String problem, Long expectedMinor, Long collectedMinor) {
        }
    }

    @Transactional(TxType.REQUIRES_NEW)
    public int record(String providerId, List<RemittanceRecord> records) {
        int added = 0;
        for (RemittanceRecord r : records) {
            boolean seen = !em.createQuery("select c.id from CodRemittance c where c.providerId = :p"
                            + " and c.trackingNumber = :t and c.reference = :r")
                    .setParameter("p", providerId).setParameter("t", r.trackingNumber()).setParameter("r", r.reference())
                    .getResultList().isEmpty();
            if (seen) {
                continue;
            }
            Shipment shipment = em.createQuery("select s from Shipment s where s.providerId = :p and s.trackingNumber = :t",
                            Shipment.class)
                    .setParameter("p", providerId).setParameter("t", r.trackingNumber()).getResultStream().findFirst()
                    .filter(s -> s.codAmountMinor() != null).orElse(null);
            long charges = r.charges().map(m -> m.minorUnits()).orElse(0L);
            CodRemittance.Verdict verdict;
            if (shipment == null) {
                verdict = CodRemittance.Verdict.UNKNOWN_PARCEL;
            } else if (shipment.status() == ShipmentStatus.RETURNED
                    && (r.collected().minorUnits() > 0 || charges > 0)) {
                verdict = CodRemittance.Verdict.RETURNED_CHARGED;
            } else if (r.collected().minorUnits() < shipment.codAmountMinor()) {
                verdict = CodRemittance.Verdict.SHORT;
            } else {
                verdict = CodRemittance.Verdict.MATCHED;
            }
            em.persist(new CodRemittance(providerId, r.trackingNumber(), r.reference(), shipment, r.collected().minorUnits(),
                    r.charges().map(m -> m.minorUnits()).orElse(null), r.remitted().minorUnits(), r.remittedOn(), verdict,
                    clock.instant()));
            added++;
        }
        return added;
    }

    /** The mismatch report; parcels delivered more than {@code grace} ago with no payout count as missing. */
    @Transactional(TxType.REQUIRED)
    public Report report(Duration grace) {
        List<CodRemittance> all = em.createQuery("select c from CodRemittance c", CodRemittance.class).getResultList();
        List<Report.Line> mismatches = all.stream().filter(c -> !c.verdict().equals("MATCHED"))
                .map(c -> new Report.Line(c.trackingNumber(), c.orderId(), c.verdict(), c.expectedMinor(), c.collectedMinor()))
                .toList();
        var paid = all.stream().map(CodRemittance::shipmentId).filter(java.util.Objects::nonNull).toList();
        List<Report.Line> missing = em.createQuery("select s from Shipment s where s.codAmountMinor is not null"
                        + " and s.status = :delivered and s.updatedAt <= :before", Shipment.class)
                .setParameter("delivered", ShipmentStatus.DELIVERED).setParameter("before", clock.instant().minus(grace))
                .getResultStream().filter(s -> !paid.contains(s.id()))
                .map(s -> new Report.Line(s.trackingNumber(), s.orderId(), "MISSING", s.codAmountMinor(), null))
                .toList();
        int matched = (int) all.stream().filter(c -> c.verdict().equals("MATCHED")).count();
        return new Report(mismatches, missing, matched);
    }
}
