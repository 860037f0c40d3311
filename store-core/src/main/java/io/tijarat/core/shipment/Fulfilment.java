package io.tijarat.core.shipment;

import io.tijarat.core.provider.PaymentProviders;
import io.tijarat.core.provider.ProviderUnavailableException;
import io.tijarat.core.provider.ShippingProviders;
import io.tijarat.spi.payment.PaymentCapability;
import io.tijarat.spi.shipping.BookingOutcome;
import io.tijarat.spi.shipping.ShippingCapability;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Fulfilling orders: book with the order's courier (with the COD amount when the payment method collects
 * on delivery), track on a schedule, pull COD remittances. Persist, call, record — never a transaction
 * across a courier call.
 */
@ApplicationScoped
public class Fulfilment {

    private static final Logger LOG = Logger.getLogger(Fulfilment.class.getName());

    @Inject
    ShipmentLedger ledger;

    @Inject
    Remittances remittances;

    @Inject
    ShippingProviders couriers;

    @Inject
    PaymentProviders payments;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "tijarat.tracking.interval-seconds", defaultValue = "300")
    long intervalSeconds;

    private ScheduledFuture<?> task;

    /** One tracking/remittance pass. */
    public record Run(int tracked, int remittanceLines) {
    }

    /** Books the order's parcel with its courier; a refusal leaves the order fulfillable, with the error. */
    public ShipmentLedger.View fulfil(String orderId) {
        String paymentProvider = ledger.paymentProviderOf(orderId);
        boolean cod = payments.descriptor(paymentProvider)
                .map(d -> d.supports(PaymentCapability.COLLECT_ON_DELIVERY)).orElse(false);
        ShipmentLedger.Opened opened = ledger.open(orderId, cod);
        try {
            BookingOutcome outcome = couriers.book(opened.providerId(), opened.request());
            return ledger.booked(opened.shipmentId(), outcome);
        } catch (ProviderUnavailableException e) {
            return ledger.notSent(opened.shipmentId(), e.getMessage());
        }
    }

    public synchronized void start() {
        if (task == null && intervalSeconds > 0) {
            task = scheduler.scheduleWithFixedDelay(this::runQuietly, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    /** Tracks the parcels that are due, then pulls remittances from couriers that report them. */
    public Run runOnce() {
        int tracked = 0;
        for (Shipment s : ledger.claimDue(50)) {
            boolean canTrack = couriers.activeShipping().stream().anyMatch(d -> d.id().equals(s.providerId())
                    && d.supports(ShippingCapability.TRACKING));
            if (!canTrack) {
                continue; // staff mark these delivered; the lease keeps us from asking again too soon
            }
            try {
                ledger.tracked(s.id(), couriers.track(s.providerId(), s.trackingNumber()).orElse(null));
                tracked++;
            } catch (ProviderUnavailableException e) {
                LOG.fine(() -> "Tracking " + s.trackingNumber() + " failed, retried later: " + e.getMessage());
            }
        }
        int lines = 0;
        for (var courier : couriers.activeShipping()) {
            if (!courier.supports(ShippingCapability.COD_REMITTANCE)) {
                continue;
            }
            var parcels = ledger.codParcelsToSettle(courier.id()).stream().map(Shipment::trackingNumber).toList();
            if (parcels.isEmpty()) {
                continue;
            }
            try {
                lines += remittances.record(courier.id(), couriers.remittances(courier.id(), parcels));
            } catch (ProviderUnavailableException e) {
                LOG.fine(() -> "Remittances of " + courier.id() + " unavailable, retried later: " + e.getMessage());
            }
        }
        return new Run(tracked, lines);
    }

    private void runQuietly() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Tracking run failed; it runs again in " + intervalSeconds + " s", e);
        }
    }
}
