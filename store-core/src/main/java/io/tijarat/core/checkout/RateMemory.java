package io.tijarat.core.checkout;

import io.tijarat.spi.Money;
import io.tijarat.spi.shipping.RateQuote;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The last rate each courier gave per {@link RateKey}, in the database, so it outlives a restart. */
@ApplicationScoped
public class RateMemory {

    @PersistenceContext(unitName = "tijarat")
    EntityManager em;

    /** Overwrites the key's rates with the courier's latest answer. */
    @Transactional(TxType.REQUIRES_NEW)
    public void remember(RateKey key, List<RateQuote> quotes, Instant now) {
        rememberIn(key, quotes, now);
    }

    void rememberIn(RateKey key, List<RateQuote> quotes, Instant now) {
        for (RateQuote q : quotes) {
            em.createNativeQuery("INSERT INTO shipping_rate (provider_id, rate_key, service_code, service_name, charge_minor,"
                            + " currency, transit_hours, quoted_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
                            + " ON DUPLICATE KEY UPDATE service_name = VALUES(service_name), charge_minor = VALUES(charge_minor),"
                            + " currency = VALUES(currency), transit_hours = VALUES(transit_hours), quoted_at = VALUES(quoted_at)")
                    .setParameter(1, key.providerId()).setParameter(2, key.stored()).setParameter(3, q.serviceCode())
                    .setParameter(4, q.serviceName().length() <= 100 ? q.serviceName() : q.serviceName().substring(0, 100))
                    .setParameter(5, q.charge().minorUnits()).setParameter(6, q.charge().currency())
                    .setParameter(7, q.transitTime().map(Duration::toHours).orElse(null))
                    .setParameter(8, Timestamp.from(now))
                    .executeUpdate();
        }
    }

    /** The key's rates quoted since {@code since}, cheapest first; empty if none. */
    @Transactional(TxType.REQUIRES_NEW)
    public List<RateQuote> recall(RateKey key, Instant since) {
        return recallIn(key, since);
    }

    List<RateQuote> recallIn(RateKey key, Instant since) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT service_code, service_name, charge_minor, currency, transit_hours"
                        + " FROM shipping_rate WHERE provider_id = ?1 AND rate_key = ?2 AND quoted_at >= ?3")
                .setParameter(1, key.providerId()).setParameter(2, key.stored()).setParameter(3, Timestamp.from(since))
                .getResultList();
        return rows.stream().map(r -> new RateQuote((String) r[0], (String) r[1],
                        Money.of(((Number) r[2]).longValue(), (String) r[3]), Duration.ZERO,
                        Optional.ofNullable((Number) r[4]).map(h -> Duration.ofHours(h.longValue())).filter(d -> !d.isZero())))
                .sorted(Comparator.comparing(q -> q.charge().minorUnits()))
                .toList();
    }
}
