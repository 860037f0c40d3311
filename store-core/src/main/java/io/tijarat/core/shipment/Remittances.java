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
import java.time.Instant;
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

    /** The most lines one page of the report holds. */
    public static final int MAX_PAGE_SIZE = 200;

    /**
     * One page of the report admins read: the page's lines of each list, and how many there are in all.
     *
     * @param mismatches     short, returned-but-charged and unknown-parcel payout lines, newest first
     * @param missing        delivered COD parcels without any payout after the grace period, longest waiting first
     * @param matched        payout lines that matched
     * @param mismatchCount  all mismatches, on every page
     * @param missingCount   all missing payouts, on every page
     */
    public record Report(List<Line> mismatches, List<Line> missing, long matched, long mismatchCount, long missingCount) {
        /** One parcel that needs a look. */
        public record Line(String trackingNumber, String orderId, String problem, Long expectedMinor, Long collectedMinor) {
        }
    }

    /** The last day up to which the courier's payout reports were read, if ever. */
    @Transactional(TxType.REQUIRES_NEW)
    public java.util.Optional<java.time.LocalDate> pulledThrough(String providerId) {
        return em.createNativeQuery("SELECT pulled_through FROM remittance_pull WHERE provider_id = ?1")
                .setParameter(1, providerId).getResultStream().findFirst()
                .map(d -> d instanceof java.sql.Date date ? date.toLocalDate() : (java.time.LocalDate) d);
    }

    /** Notes that the courier's payout reports were read up to {@code through}. */
    @Transactional(TxType.REQUIRES_NEW)
    public void pulled(String providerId, java.time.LocalDate through) {
        em.createNativeQuery("INSERT INTO remittance_pull (provider_id, pulled_through) VALUES (?1, ?2)"
                        + " ON DUPLICATE KEY UPDATE pulled_through = VALUES(pulled_through)")
                .setParameter(1, providerId).setParameter(2, java.sql.Date.valueOf(through)).executeUpdate();
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
                    .filter(s -> s.codAmountMinor() != null || r.isDeduction()).orElse(null);
            long charges = r.charges().map(m -> m.minorUnits()).orElse(0L);
            CodRemittance.Verdict verdict;
            if (shipment == null) {
                verdict = CodRemittance.Verdict.UNKNOWN_PARCEL;
            } else if (r.isDeduction()) {
                // the courier's charge for carrying a returned parcel back: expected for a returned parcel only
                verdict = shipment.status() == ShipmentStatus.RETURNED ? CodRemittance.Verdict.RETURN_DEDUCTED
                        : CodRemittance.Verdict.DEDUCTED_UNRETURNED;
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

    /**
     * One page of the mismatch report; parcels delivered more than {@code grace} ago with no payout count as
     * missing. Counted and paged in the database (a shop's remittance history grows without end): the page's
     * rows are all that is loaded.
     */
    @Transactional(TxType.REQUIRED)
    public Report report(Duration grace, int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page must be >= 0 and size 1 to " + MAX_PAGE_SIZE);
        }
        List<Report.Line> mismatches = em.createQuery("select c from CodRemittance c where c.verdict not in ('MATCHED', 'RETURN_DEDUCTED')"
                        + " order by c.createdAt desc, c.id", CodRemittance.class)
                .setFirstResult(page * size).setMaxResults(size).getResultStream()
                .map(c -> new Report.Line(c.trackingNumber(), c.orderId(), c.verdict(), c.expectedMinor(), c.collectedMinor()))
                .toList();
        long mismatchCount = em.createQuery("select count(c) from CodRemittance c where c.verdict not in ('MATCHED', 'RETURN_DEDUCTED')", Long.class)
                .getSingleResult();
        long matched = em.createQuery("select count(c) from CodRemittance c where c.verdict = 'MATCHED'", Long.class)
                .getSingleResult();
        Instant before = clock.instant().minus(grace);
        List<Report.Line> missing = em.createQuery("select s from Shipment s where " + UNPAID_DELIVERED
                        + " order by s.updatedAt, s.id", Shipment.class)
                .setParameter("delivered", ShipmentStatus.DELIVERED).setParameter("before", before)
                .setFirstResult(page * size).setMaxResults(size).getResultStream()
                .map(s -> new Report.Line(s.trackingNumber(), s.orderId(), "MISSING", s.codAmountMinor(), null))
                .toList();
        long missingCount = em.createQuery("select count(s) from Shipment s where " + UNPAID_DELIVERED, Long.class)
                .setParameter("delivered", ShipmentStatus.DELIVERED).setParameter("before", before).getSingleResult();
        return new Report(mismatches, missing, matched, mismatchCount, missingCount);
    }

    /** A delivered COD parcel, delivered before {@code :before}, that no payout line names (index ix_remittance_shipment). */
    private static final String UNPAID_DELIVERED = "s.codAmountMinor is not null and s.status = :delivered"
            + " and s.updatedAt <= :before and not exists (select c.id from CodRemittance c where c.shipmentId = s.id)";
}
