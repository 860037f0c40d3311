package io.tijarat.core.shipment;

import io.tijarat.core.error.ConflictException;
import io.tijarat.core.error.InvalidRequestException;
import io.tijarat.core.error.NotFoundException;
import io.tijarat.core.error.ServiceUnavailableException;
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
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.Optional;
import io.tijarat.spi.IdempotencyKey;
import io.tijarat.spi.shipping.ShipmentRequest;

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

    /**
     * Books the order's parcel with its courier; a refusal leaves the order fulfillable, with the error. A booking
     * the courier confirmed comes with its label where the courier gives one (kept, so staff can print it again);
     * a booking in doubt is looked up by its reference at once where the courier allows, and otherwise by the
     * tracking job, before anyone is asked.
     */
    public ShipmentLedger.View fulfil(String orderId) {
        String paymentProvider = ledger.paymentProviderOf(orderId);
        boolean cod = payments.descriptor(paymentProvider)
                .map(d -> d.supports(PaymentCapability.COLLECT_ON_DELIVERY)).orElse(false);
        ShipmentLedger.Opened opened = ledger.open(orderId, cod);
        ShipmentLedger.View view;
        try {
            BookingOutcome outcome = couriers.book(opened.providerId(), opened.request());
            view = ledger.booked(opened.shipmentId(), outcome);
        } catch (ProviderUnavailableException e) {
            return ledger.notSent(opened.shipmentId(), e.getMessage());
        }
        if (ShipmentStatus.UNKNOWN.name().equals(view.status())
                && supports(opened.providerId(), ShippingCapability.BOOKING_LOOKUP)) {
            view = lookUp(opened.providerId(), opened.shipmentId(), opened.request()).orElse(view);
        }
        if (ShipmentStatus.BOOKED.name().equals(view.status()) && view.labelUrl() == null && !view.labelStored()) {
            fetchLabel(opened.providerId(), opened.shipmentId(), view.trackingNumber());
            view = ledger.view(opened.shipmentId());
        }
        return view;
    }

    /**
     * Asks the courier whether it has the booking by its reference and records what it says; empty when the courier
     * could not be asked (the tracking job asks again).
     */
    private Optional<ShipmentLedger.View> lookUp(String providerId, String shipmentId, ShipmentRequest request) {
        try {
            return Optional.of(ledger.settleUnknown(shipmentId, couriers.findBooking(providerId, request), UNKNOWN_PATIENCE));
        } catch (ProviderUnavailableException e) {
            LOG.fine(() -> "Booking lookup for shipment " + shipmentId + " failed, retried later: " + e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Books a reverse pickup for a delivered order with its courier (a return or exchange: the rider collects the
     * parcel from the customer). Only couriers that declare {@code REVERSE_PICKUP}; persist, call, record, as for
     * every booking.
     */
    public ShipmentLedger.View returnPickup(String orderId) {
        String courier = ledger.shippingProviderOf(orderId);
        if (!supports(courier, ShippingCapability.REVERSE_PICKUP)) {
            throw InvalidRequestException.unprocessable("order", courier
                    + " offers no reverse pickups through its API: arrange the return in the courier's portal");
        }
        ShipmentLedger.Opened opened = ledger.openReverse(orderId);
        try {
            return ledger.booked(opened.shipmentId(), couriers.book(opened.providerId(), opened.request()));
        } catch (ProviderUnavailableException e) {
            return ledger.notSent(opened.shipmentId(), e.getMessage());
        }
    }

    /** Asks the courier for a booked parcel's label and keeps it; a failure only means staff fetch it later. */
    private void fetchLabel(String providerId, String shipmentId, String trackingNumber) {
        if (!supports(providerId, ShippingCapability.LABELS)) {
            return;
        }
        try {
            ledger.labelFetched(shipmentId, couriers.label(providerId, trackingNumber));
        } catch (ProviderUnavailableException e) {
            LOG.fine(() -> "Label of " + trackingNumber + " not fetched now: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Label of shipment " + shipmentId + " could not be kept", e);
        }
    }

    /** A shipment's label for staff: the kept document, else its link, else fetched from the courier now. */
    public Label label(String shipmentId) {
        Shipment shipment = ledger.find(shipmentId);
        if (shipment.trackingNumber() == null) {
            throw new ConflictException("this shipment is " + shipment.status()
                    + " and has no label: only a booked parcel has one");
        }
        Optional<ShipmentLedger.StoredLabel> stored = ledger.storedLabel(shipmentId);
        if (stored.isEmpty() && shipment.labelUrl() == null) {
            if (!supports(shipment.providerId(), ShippingCapability.LABELS)) {
                throw new NotFoundException(shipment.providerId()
                        + " gives no labels: print the slip from the courier's portal");
            }
            try {
                ledger.labelFetched(shipmentId, couriers.label(shipment.providerId(), shipment.trackingNumber()));
            } catch (ProviderUnavailableException e) {
                throw new ServiceUnavailableException(shipment.providerId()
                        + " could not be asked for the label right now; try again shortly");
            }
            stored = ledger.storedLabel(shipmentId);
            shipment = ledger.find(shipmentId);
        }
        return stored.map(l -> new Label(l.mediaType(), l.content(), null))
                .orElse(new Label(null, null, shipment.labelUrl()));
    }

    /** A label: a kept document ({@code mediaType}, {@code content}) or the courier's link ({@code url}). */
    public record Label(String mediaType, byte[] content, String url) {
    }

    /**
     * Cancels a booked parcel at the courier (before pickup): the attempt is checked and committed, the courier is
     * asked outside any transaction, its answer recorded. A cancelled booking leaves the order ready to book again.
     */
    public ShipmentLedger.View cancel(String shipmentId) {
        Shipment shipment = ledger.cancellable(shipmentId);
        if (!supports(shipment.providerId(), ShippingCapability.CANCEL)) {
            throw InvalidRequestException.unprocessable("shipment", shipment.providerId()
                    + " cannot cancel bookings through its API: cancel it in the courier's portal");
        }
        try {
            var outcome = couriers.cancel(shipment.providerId(), cancelKey(shipment), shipment.trackingNumber());
            return ledger.cancelAnswered(shipmentId, outcome);
        } catch (ProviderUnavailableException e) {
            throw new ServiceUnavailableException(shipment.providerId()
                    + " could not be asked to cancel right now; nothing changed, try again shortly");
        }
    }

    /** The cancellation's key: the same for every try of one shipment's cancel, never its booking key. */
    static IdempotencyKey cancelKey(Shipment shipment) {
        String id = shipment.id();
        return IdempotencyKey.of((id.charAt(0) == 'C' ? "X" : "C") + id.substring(1));
    }

    private boolean supports(String providerId, ShippingCapability capability) {
        return couriers.activeShipping().stream().anyMatch(d -> d.id().equals(providerId) && d.supports(capability));
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

    /** How long after a booking in doubt the courier is asked whether it has it. */
    static final Duration UNKNOWN_SETTLE_AFTER = Duration.ofMinutes(1);
    /** How long the courier may take to show a booking before "not found" counts as "not booked". */
    static final Duration UNKNOWN_PATIENCE = Duration.ofMinutes(30);

    private Run runOnce(JobResult.Tally tally) {
        int tracked = 0;
        int failed = 0;
        failed += settleUnknownBookings(tally);
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
            boolean byParcel = courier.supports(ShippingCapability.COD_REMITTANCE);
            boolean byDate = courier.supports(ShippingCapability.REMITTANCE_REPORTS);
            if (!byParcel && !byDate) {
                continue;
            }
            try {
                lines += byDate ? pullRemittanceReports(courier.id(), tally) : pullRemittances(courier.id(), tally);
            } catch (ProviderUnavailableException e) {
                LOG.fine(() -> "Remittances of " + courier.id() + " unavailable, retried later: " + e.getMessage());
            } catch (RuntimeException e) {
                failed++;
                tally.failed("remittances of " + courier.id(), e);
            }
        }
        return new Run(tracked, lines, failed);
    }

    /**
     * Bookings in doubt, settled by asking the courier for the booking by its reference (where it allows): found is
     * booked, not found after {@link #UNKNOWN_PATIENCE} is not booked (staff book again). Staff are asked only about
     * couriers that cannot look bookings up.
     */
    private int settleUnknownBookings(JobResult.Tally tally) {
        int failed = 0;
        for (Shipment s : ledger.unknownBookings(clock.instant().minus(UNKNOWN_SETTLE_AFTER), 20)) {
            if (!supports(s.providerId(), ShippingCapability.BOOKING_LOOKUP)) {
                continue;
            }
            try {
                ShipmentLedger.View settled = ledger.settleUnknown(s.id(),
                        couriers.findBooking(s.providerId(), ledger.requestFor(s.id())), UNKNOWN_PATIENCE);
                if (ShipmentStatus.BOOKED.name().equals(settled.status()) && settled.labelUrl() == null
                        && !settled.labelStored()) {
                    fetchLabel(s.providerId(), s.id(), settled.trackingNumber());
                }
                tally.done();
            } catch (ProviderUnavailableException e) {
                LOG.fine(() -> "Booking lookup for shipment " + s.id() + " failed, retried later: " + e.getMessage());
            } catch (RuntimeException e) {
                failed++;
                tally.failed("booking lookup for shipment " + s.id(), e);
            }
        }
        return failed;
    }

    /** Days of payout reports asked again each time, for payouts the courier records late. */
    static final int REPORT_OVERLAP_DAYS = 3;
    /** The most days one pull asks about (the first pull starts this far back). */
    static final int REPORT_MAX_DAYS = 31;

    /**
     * Reads a courier's COD payout reports by date, from a few days before where the last read stopped to today
     * (Pakistan dates), and matches them: the same payout read twice is recorded once.
     */
    private int pullRemittanceReports(String courierId, JobResult.Tally tally) {
        java.time.LocalDate today = java.time.LocalDate.ofInstant(clock.instant(), PAKISTAN);
        java.time.LocalDate from = remittances.pulledThrough(courierId)
                .map(d -> d.minusDays(REPORT_OVERLAP_DAYS))
                .filter(d -> !d.isBefore(today.minusDays(REPORT_MAX_DAYS)))
                .orElse(today.minusDays(REPORT_MAX_DAYS));
        int lines = remittances.record(courierId, couriers.remittances(courierId, from, today));
        remittances.pulled(courierId, today);
        tally.done();
        return lines;
    }

    private static final java.time.ZoneId PAKISTAN = java.time.ZoneId.of("Asia/Karachi");

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
