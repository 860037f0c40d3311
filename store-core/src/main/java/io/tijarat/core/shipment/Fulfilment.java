package io.tijarat.core.shipment;

import io.tijarat.core.provider.PaymentProviders;
import io.tijarat.core.provider.ProviderUnavailableException;
import io.tijarat.core.provider.ShippingProviders;
import io.tijarat.spi.payment.PaymentCapability;
import io.tijarat.spi.shipping.BookingOutcome;
import io.tijarat.spi.shipping.ShippingCapability;
import io.tijarat.core.config.TijaratSettings;
import io.tijarat.core.jobs.BackgroundJob;
import io.tijarat.core.jobs.JobResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Fulfilling orders: book with the order's courier (with the COD amount when the payment method collects
 * on delivery), track on a schedule, pull COD remittances. Persist, call, record — never a transaction
 * across a courier call. Tracking and remittances are the background job {@code tracking}; one parcel or one
 * courier that fails never stops the others.
 */
@ApplicationScoped
public class Fulfilment implements BackgroundJob {

    private static final Logger LOG = Logger.getLogger(Fulfilment.class.getName());

    @Inject
    ShipmentLedger ledger;

    @Inject
    Remittances remittances;

    @Inject
    ShippingProviders couriers;

    @Inject
    PaymentProviders payments;

    @Inject
    TijaratSettings settings;

    @Inject
    Clock clock;

    /** One tracking/remittance pass; {@code failed} counts parcels or couriers that could not be handled. */
    public record Run(int tracked, int remittanceLines, int failed) {
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

    @Override
    public String name() {
        return "tracking";
    }

    @Override
    public Duration interval() {
        return settings.trackingInterval();
    }

    @Override
    public JobResult run() {
        var tally = new JobResult.Tally();
        runOnce(tally);
        return tally.result();
    }

    /** Tracks the parcels that are due, then pulls remittances from couriers that report them. */
    public Run runOnce() {
        return runOnce(new JobResult.Tally());
    }

    private Run runOnce(JobResult.Tally tally) {
        int tracked = 0;
        int failed = 0;
        for (Shipment s : ledger.claimDue(50)) {
            boolean canTrack = couriers.activeShipping().stream().anyMatch(d -> d.id().equals(s.providerId())
                    && d.supports(ShippingCapability.TRACKING));
            if (!canTrack) {
                continue; // staff mark these delivered; the lease keeps us from asking again too soon
            }
            try {
                ledger.tracked(s.id(), couriers.track(s.providerId(), s.trackingNumber()).orElse(null));
                tracked++;
                tally.done();
            } catch (ProviderUnavailableException e) {
                LOG.fine(() -> "Tracking " + s.trackingNumber() + " failed, retried later: " + e.getMessage());
            } catch (RuntimeException e) {
                failed++;
                tally.failed("shipment " + s.id(), e);
            }
        }
        int lines = 0;
        for (var courier : couriers.activeShipping()) {
            if (!courier.supports(ShippingCapability.COD_REMITTANCE)) {
                continue;
            }
            try {
                lines += pullRemittances(courier.id(), tally);
            } catch (ProviderUnavailableException e) {
                LOG.fine(() -> "Remittances of " + courier.id() + " unavailable, retried later: " + e.getMessage());
            } catch (RuntimeException e) {
                failed++;
                tally.failed("remittances of " + courier.id(), e);
            }
        }
        return new Run(tracked, lines, failed);
    }

    /** Parcels asked about in one courier call. */
    static final int REMITTANCE_PAGE = 200;
    /** Courier calls per courier and run; the next run goes on where this one stopped. */
    static final int REMITTANCE_PAGES_PER_RUN = 25;

    /** Where the last run stopped, per courier: the last parcel id asked about (in memory; a restart starts over). */
    private final Map<String, String> remittanceCursor = new ConcurrentHashMap<>();

    /**
     * Asks one courier about its COD parcels whose payout is still to come (delivered or returned within
     * {@code tijarat.tracking.remittance-window-days}, no payout line yet), a page of parcels per call, at most
     * {@link #REMITTANCE_PAGES_PER_RUN} calls per run. Parcels already paid out are never loaded again.
     */
    private int pullRemittances(String courierId, JobResult.Tally tally) {
        Instant since = clock.instant().minus(settings.remittanceWindow());
        String after = remittanceCursor.getOrDefault(courierId, "");
        int lines = 0;
        for (int page = 0; page < REMITTANCE_PAGES_PER_RUN; page++) {
            List<Shipment> parcels = ledger.codParcelsToSettle(courierId, since, after, REMITTANCE_PAGE);
            if (parcels.isEmpty()) {
                after = "";
                break;
            }
            after = parcels.get(parcels.size() - 1).id();
            remittanceCursor.put(courierId, after);
            lines += remittances.record(courierId, couriers.remittances(courierId,
                    parcels.stream().map(Shipment::trackingNumber).toList()));
            tally.done();
            if (parcels.size() < REMITTANCE_PAGE) {
                after = "";
                break;
            }
        }
        remittanceCursor.put(courierId, after);
        return lines;
    }
}
