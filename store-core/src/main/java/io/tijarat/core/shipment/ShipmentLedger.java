package io.tijarat.core.shipment;

import io.tijarat.core.error.ConflictException;
import io.tijarat.core.error.InvalidRequestException;
import io.tijarat.core.error.NotFoundException;
import io.tijarat.core.order.Order;
import io.tijarat.core.order.OrderStatus;
import io.tijarat.spi.EmailAddress;
import io.tijarat.spi.Money;
import io.tijarat.spi.PhoneNumber;
import io.tijarat.spi.shipping.BookingOutcome;
import io.tijarat.spi.shipping.Parcel;
import io.tijarat.spi.shipping.ShipmentRequest;
import io.tijarat.spi.shipping.ShippingAddress;
import io.tijarat.spi.shipping.ShipmentTracking;
import io.tijarat.spi.shipping.ShippingLabel;
import io.tijarat.spi.shipping.TrackingStatus;
import jakarta.enterprise.context.ApplicationScoped;
import io.tijarat.core.order.OrderEvent;
import io.tijarat.core.order.OrderEvents;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The transactions of fulfilment; the courier is called between them, never inside one. */
@ApplicationScoped
public class ShipmentLedger {

    @PersistenceContext(unitName = "tijarat")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    OrderEvents orderEvents;

    /** The first wait between looks at a parcel; doubles up to 24 times that. */
    @Inject
    io.tijarat.core.config.TijaratSettings settings;

    /** A shipment as staff see it, with its order's state. */
    public record View(String id, String orderId, String providerId, String status, boolean reversePickup,
                       String reference,
                       String trackingNumber, String courierStatus, String labelUrl, boolean labelStored,
                       Long codAmountMinor, String error, String orderStatus) {
    }

    /** A label kept in the database: the courier's document, as it gave it. */
    public record StoredLabel(String mediaType, byte[] content) {
    }

    /** A booking opened and committed: what to send to the courier. */
    public record Opened(String shipmentId, String providerId, ShipmentRequest request) {
    }

    /** Opens a booking for a paid or confirmed order that has no active shipment. */
    @Transactional(TxType.REQUIRES_NEW)
    public Opened open(String orderId, boolean collectOnDelivery) {
        Order order = em.find(Order.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        if (order == null) {
            throw new NotFoundException("no order with this id");
        }
        // FULFILLING with no active shipment: the booking was refused or cancelled, and staff book again
        if (order.status() != OrderStatus.PAID && order.status() != OrderStatus.CONFIRMED
                && order.status() != OrderStatus.FULFILLING) {
            throw InvalidRequestException.unprocessable("order", "an order that is " + order.status()
                    + " cannot be fulfilled (it must be PAID or CONFIRMED)");
        }
        List<Shipment> earlier = em.createQuery("select s from Shipment s where s.orderId = :o", Shipment.class)
                .setParameter("o", orderId).getResultList();
        if (earlier.stream().anyMatch(s -> s.status().isActive())) {
            throw new ConflictException("this order already has a shipment on its way (or one whose booking is unknown)");
        }
        // The reference printed on the slip and used to find the booking again: unique per booking
        String reference = earlier.isEmpty() ? order.number() : order.number() + "-" + (earlier.size() + 1);
        Money cod = collectOnDelivery ? wholeRupees(order.total()) : null;
        var shipment = new Shipment(orderId, reference, order.shippingProvider(), order.shippingService(), cod,
                order.total().currency(), clock.instant());
        em.persist(shipment);
        return new Opened(shipment.id(), shipment.providerId(), request(shipment, order));
    }

    /**
     * Opens a reverse pickup for a delivered order: the courier collects the parcel from the customer and brings it
     * back to the shop. Its reference is the order number suffixed {@code -R}, {@code -R2}…; it collects no cash and
     * never moves the order (a refund is staff's decision).
     */
    @Transactional(TxType.REQUIRES_NEW)
    public Opened openReverse(String orderId) {
        Order order = orderId == null ? null : em.find(Order.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        if (order == null) {
            throw new NotFoundException("no order with this id");
        }
        if (order.status() != OrderStatus.DELIVERED && order.status() != OrderStatus.COMPLETED
                && order.status() != OrderStatus.PARTIALLY_REFUNDED) {
            throw InvalidRequestException.unprocessable("order", "an order that is " + order.status()
                    + " has not been delivered: a return pickup is for a delivered order");
        }
        List<Shipment> earlier = em.createQuery("select s from Shipment s where s.orderId = :o and s.reversePickup = true",
                Shipment.class).setParameter("o", orderId).getResultList();
        if (earlier.stream().anyMatch(s -> s.status().isActive())) {
            throw new ConflictException("a return pickup for this order is already on its way");
        }
        String reference = order.number() + "-R" + (earlier.isEmpty() ? "" : String.valueOf(earlier.size() + 1));
        var shipment = new Shipment(orderId, reference, order.shippingProvider(), null, null, order.total().currency(),
                clock.instant()).reverse();
        em.persist(shipment);
        return new Opened(shipment.id(), shipment.providerId(), request(shipment, order));
    }

    /** A COD order's total is whole rupees from checkout on; one placed before that rule is rounded down here. */
    private static Money wholeRupees(Money total) {
        return total.plus(io.tijarat.core.order.OrderDraft.wholeRupeeRounding(total));
    }

    /** The booking request for a shipment: the same every time it is built, so a retry or a lookup sends the same. */
    private static ShipmentRequest request(Shipment shipment, Order order) {
        var consignee = new ShippingAddress(order.customerName(), PhoneNumber.of(order.customerPhone()),
                Optional.ofNullable(order.customerEmail()).map(EmailAddress::of), order.address(), order.city());
        int grams = order.lines().stream().mapToInt(l -> Math.multiplyExact(l.weightGrams(), l.quantity())).sum();
        boolean fallback = io.tijarat.core.checkout.ShippingRates.FALLBACK_SERVICE.equals(shipment.serviceCode());
        return ShipmentRequest.builder()
                .bookingKey(shipment.key())
                .orderNumber(shipment.reference() != null ? shipment.reference() : order.number())
                .consignee(consignee)
                .parcel(Parcel.ofGrams(Math.max(1, grams)))
                .codAmount(shipment.codAmountMinor() == null ? null : Money.of(shipment.codAmountMinor(), shipment.currency()))
                .serviceCode(fallback ? null : shipment.serviceCode())
                .contents(order.lines().size() + " item(s), order " + order.number())
                .reverse(shipment.reversePickup())
                .build();
    }

    /** The request a shipment was (or will be) booked with, to look the booking up at the courier. */
    @Transactional(TxType.REQUIRES_NEW)
    public ShipmentRequest requestFor(String shipmentId) {
        Shipment shipment = em.find(Shipment.class, shipmentId);
        return request(shipment, em.find(Order.class, shipment.orderId()));
    }

    @Transactional(TxType.REQUIRED)
    public String shippingProviderOf(String orderId) {
        Order order = orderId == null ? null : em.find(Order.class, orderId);
        if (order == null) {
            throw new NotFoundException("no order with this id");
        }
        return order.shippingProvider();
    }

    @Transactional(TxType.REQUIRED)
    public String paymentProviderOf(String orderId) {
        Order order = orderId == null ? null : em.find(Order.class, orderId);
        if (order == null) {
            throw new NotFoundException("no order with this id");
        }
        return order.paymentProvider();
    }

    /** Records the courier's answer to a booking; a booked parcel moves the order to FULFILLING. */
    @Transactional(TxType.REQUIRES_NEW)
    public View booked(String shipmentId, BookingOutcome outcome) {
        var now = clock.instant();
        Shipment shipment = em.find(Shipment.class, shipmentId, LockModeType.PESSIMISTIC_WRITE);
        Order order = em.find(Order.class, shipment.orderId(), LockModeType.PESSIMISTIC_WRITE);
        if (shipment.status() == ShipmentStatus.BOOKING) {
            if (outcome instanceof BookingOutcome.Booked booked) {
                String label = booked.label().filter(l -> l instanceof ShippingLabel.Link)
                        .map(l -> ((ShippingLabel.Link) l).url().toString()).orElse(null);
                shipment.booked(booked.trackingNumber(), booked.courierReference().orElse(null), label, now);
                booked.label().filter(l -> l instanceof ShippingLabel.Document)
                        .ifPresent(l -> storeLabel(shipment.id(), (ShippingLabel.Document) l, now));
                if (!shipment.reversePickup() && order.status() != OrderStatus.FULFILLING) {
                    order.moveTo(OrderStatus.FULFILLING, "booked with " + shipment.providerId() + ", tracking "
                            + booked.trackingNumber(), "courier:" + shipment.providerId(), now);
                }
            } else if (outcome instanceof BookingOutcome.Rejected rejected) {
                shipment.fail(ShipmentStatus.FAILED, rejected.code() + ": " + rejected.message(), now);
            } else {
                shipment.fail(ShipmentStatus.UNKNOWN, ((BookingOutcome.Unknown) outcome).detail(), now);
            }
        }
        return view(shipment, order);
    }

    @Transactional(TxType.REQUIRES_NEW)
    public View notSent(String shipmentId, String reason) {
        Shipment shipment = em.find(Shipment.class, shipmentId, LockModeType.PESSIMISTIC_WRITE);
        if (shipment.status() == ShipmentStatus.BOOKING) {
            shipment.fail(ShipmentStatus.FAILED, "the courier could not be reached: " + reason, clock.instant());
        }
        return view(shipment, em.find(Order.class, shipment.orderId()));
    }

    /**
     * Settles a booking in doubt with what the courier's lookup found: booked (with its tracking number), or — when
     * the courier has no booking by the reference after {@code patience} — failed for certain, so staff can book
     * again. Only a shipment still UNKNOWN changes.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public View settleUnknown(String shipmentId, Optional<BookingOutcome.Booked> found, Duration patience) {
        var now = clock.instant();
        Shipment shipment = em.find(Shipment.class, shipmentId, LockModeType.PESSIMISTIC_WRITE);
        if (shipment.status() == ShipmentStatus.UNKNOWN) {
            if (found.isPresent()) {
                Order order = em.find(Order.class, shipment.orderId(), LockModeType.PESSIMISTIC_WRITE);
                BookingOutcome.Booked booked = found.get();
                String label = booked.label().filter(l -> l instanceof ShippingLabel.Link)
                        .map(l -> ((ShippingLabel.Link) l).url().toString()).orElse(null);
                shipment.booked(booked.trackingNumber(), booked.courierReference().orElse(null), label, now);
                if (!shipment.reversePickup() && order.status() != OrderStatus.FULFILLING
                        && order.status().canMoveTo(OrderStatus.FULFILLING)) {
                    order.moveTo(OrderStatus.FULFILLING, "booking confirmed by lookup at " + shipment.providerId()
                            + ", tracking " + booked.trackingNumber(), "courier:" + shipment.providerId(), now);
                }
            } else if (!shipment.updatedAt().plus(patience).isAfter(now)) {
                shipment.fail(ShipmentStatus.FAILED, "the courier has no booking with reference " + shipment.reference()
                        + ": it was not booked; book again", now);
            }
        }
        return view(shipment, em.find(Order.class, shipment.orderId()));
    }

    /** Bookings in doubt, oldest first, that were left at least {@code settled} ago (the courier needs a moment). */
    @Transactional(TxType.REQUIRES_NEW)
    public List<Shipment> unknownBookings(Instant before, int limit) {
        return em.createQuery("select s from Shipment s where s.status = :u and s.updatedAt <= :before order by s.updatedAt",
                        Shipment.class)
                .setParameter("u", ShipmentStatus.UNKNOWN).setParameter("before", before).setMaxResults(limit)
                .getResultList();
    }

    /** A shipment that can be cancelled at the courier: booked and not yet moving (the courier has the last word). */
    @Transactional(TxType.REQUIRES_NEW)
    public Shipment cancellable(String shipmentId) {
        Shipment shipment = shipmentId == null ? null : em.find(Shipment.class, shipmentId);
        if (shipment == null) {
            throw new NotFoundException("no shipment with this id");
        }
        if (shipment.status() != ShipmentStatus.BOOKED) {
            throw new ConflictException("a shipment that is " + shipment.status() + " cannot be cancelled at the courier"
                    + (shipment.status() == ShipmentStatus.IN_TRANSIT ? ": it has been picked up; arrange a return instead" : ""));
        }
        return shipment;
    }

    /** Records the courier's answer to a cancellation. */
    @Transactional(TxType.REQUIRES_NEW)
    public View cancelAnswered(String shipmentId, io.tijarat.spi.shipping.CancelOutcome outcome) {
        var now = clock.instant();
        Shipment shipment = em.find(Shipment.class, shipmentId, LockModeType.PESSIMISTIC_WRITE);
        if (outcome instanceof io.tijarat.spi.shipping.CancelOutcome.Cancelled) {
            if (shipment.status() == ShipmentStatus.BOOKED) {
                shipment.cancelled(now);
            }
        } else if (outcome instanceof io.tijarat.spi.shipping.CancelOutcome.Rejected rejected) {
            shipment.note("cancel refused: " + rejected.code() + ": " + rejected.message(), now);
        } else {
            shipment.note("cancel unknown: " + ((io.tijarat.spi.shipping.CancelOutcome.Unknown) outcome).detail()
                    + "; tracking will show whether it was cancelled", now);
        }
        return view(shipment, em.find(Order.class, shipment.orderId()));
    }

    /** Keeps a label the courier handed over as a document (replacing an earlier one). */
    @Transactional(TxType.REQUIRES_NEW)
    public void labelFetched(String shipmentId, ShippingLabel label) {
        Shipment shipment = em.find(Shipment.class, shipmentId, LockModeType.PESSIMISTIC_WRITE);
        if (label instanceof ShippingLabel.Link link) {
            shipment.labelUrl(link.url().toString());
        } else {
            storeLabel(shipmentId, (ShippingLabel.Document) label, clock.instant());
        }
    }

    /** The kept label document of a shipment, if the courier gave one. */
    @Transactional(TxType.REQUIRED)
    public Optional<StoredLabel> storedLabel(String shipmentId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT media_type, content FROM shipment_label WHERE shipment_id = ?1")
                .setParameter(1, shipmentId).getResultList();
        return rows.stream().findFirst().map(r -> new StoredLabel((String) r[0], (byte[]) r[1]));
    }

    /** A shipment by id, for staff. */
    @Transactional(TxType.REQUIRED)
    public Shipment find(String shipmentId) {
        Shipment shipment = shipmentId == null ? null : em.find(Shipment.class, shipmentId);
        if (shipment == null) {
            throw new NotFoundException("no shipment with this id");
        }
        return shipment;
    }

    private void storeLabel(String shipmentId, ShippingLabel.Document document, Instant now) {
        em.createNativeQuery("DELETE FROM shipment_label WHERE shipment_id = ?1").setParameter(1, shipmentId).executeUpdate();
        em.createNativeQuery("INSERT INTO shipment_label (shipment_id, media_type, content, created_at) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, shipmentId).setParameter(2, document.mediaType()).setParameter(3, document.content())
                .setParameter(4, java.sql.Timestamp.from(now)).executeUpdate();
    }

    /** Claims tracked shipments that are due (safe with several servers), leasing them for a while. */
    @Transactional(TxType.REQUIRES_NEW)
    public List<Shipment> claimDue(int limit) {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<String> ids = em.createNativeQuery("SELECT id FROM shipment WHERE status IN ('BOOKED', 'IN_TRANSIT')"
                        + " AND next_track_at <= ?1 ORDER BY next_track_at LIMIT ?2 FOR UPDATE SKIP LOCKED")
                .setParameter(1, now).setParameter(2, limit).getResultList();
        return ids.stream().map(id -> {
            Shipment s = em.find(Shipment.class, id);
            s.lease(now.plus(Duration.ofMinutes(5)));
            return s;
        }).toList();
    }

    /** What applying one tracking report did: the shipment's status before and after, and its order's after. */
    public record Progress(String shipmentId, String orderId, ShipmentStatus before, ShipmentStatus after,
                           OrderStatus orderStatus) {

        /** A short account for the stored event, e.g. {@code shipment IN_TRANSIT -> DELIVERED, order DELIVERED}. */
        public String summary() {
            return "shipment " + before + (before == after ? " (unchanged)" : " -> " + after) + ", order " + orderStatus;
        }
    }

    /** Applies what the courier's tracking says when polled, and schedules the next look with backoff. */
    @Transactional(TxType.REQUIRES_NEW)
    public void tracked(String shipmentId, ShipmentTracking tracking) {
        var now = clock.instant();
        Shipment shipment = em.find(Shipment.class, shipmentId, LockModeType.PESSIMISTIC_WRITE);
        advance(shipment, tracking == null ? null : tracking.status(), now);
        shipment.checked(now.plus(backoff(settings.trackingMinInterval(), shipment.trackChecks())), now);
    }

    /**
     * Applies a tracking status the courier pushed (a verified webhook), in the caller's transaction, through the
     * same forward-only function as polling. Empty when none of this courier's shipments has the tracking number
     * (booked outside the shop, or its booking is not recorded yet): nothing changes then.
     */
    @Transactional(TxType.MANDATORY)
    public Optional<Progress> pushed(String providerId, String trackingNumber, TrackingStatus reported) {
        return em.createQuery("select s from Shipment s where s.providerId = :p and s.trackingNumber = :t", Shipment.class)
                .setParameter("p", providerId).setParameter("t", trackingNumber)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst()
                .map(shipment -> advance(shipment, reported, clock.instant()));
    }

    /**
     * The one way tracking moves a shipment and its order: forward only ({@link TrackingProgress}), so it is
     * idempotent and order-insensitive. The caller holds the shipment's lock; the order is locked here, after it,
     * in the same order as every other path that locks both.
     */
    private Progress advance(Shipment shipment, TrackingStatus reported, Instant now) {
        ShipmentStatus before = shipment.status();
        ShipmentStatus after = TrackingProgress.next(before, reported == null ? TrackingStatus.BOOKED : reported);
        Order order = em.find(Order.class, shipment.orderId(), LockModeType.PESSIMISTIC_WRITE);
        shipment.advance(after, reported == null ? null : reported.name(), now);
        if (before.isTracked() && !shipment.reversePickup()) {
            String actor = "courier:" + shipment.providerId();
            for (OrderStatus target : TrackingProgress.orderPath(after)) {
                if (forward(order, target, reason(target, shipment), actor, now)) {
                    tell(order, target, shipment);
                }
            }
        }
        return new Progress(shipment.id(), order.id(), before, after, order.status());
    }

    private static String reason(OrderStatus target, Shipment shipment) {
        return switch (target) {
            case SHIPPED -> "picked up by " + shipment.providerId();
            case DELIVERED -> "delivered (" + shipment.trackingNumber() + ")";
            default -> "returned to the shop (" + shipment.trackingNumber() + ")";
        };
    }

    /**
     * One page of this courier's COD parcels whose payout is still to come: delivered or returned since
     * {@code since}, ids after {@code afterId} in id order (a keyset page: the caller passes the last id of the
     * previous page). A parcel's payout is still to come while it has no payout line, or while its lines' payments and
     * charges add up to less than what the courier says it collected (an upfront payment, the reserve still to come).
     * A deduction for a returned parcel settles it. Parcels paid out, and ones older than the window, are not loaded
     * again.
     */
    @Transactional(TxType.REQUIRED)
    public List<Shipment> codParcelsToSettle(String providerId, Instant since, String afterId, int limit) {
        return em.createQuery("select s from Shipment s where s.providerId = :p and s.codAmountMinor is not null"
                        + " and s.status in :done and s.updatedAt >= :since and s.id > :after"
                        + " and not exists (select d.id from CodRemittance d where d.shipmentId = s.id and d.collectedMinor = 0)"
                        + " and (select coalesce(sum(c.remittedMinor + coalesce(c.chargesMinor, 0)), 0) from CodRemittance c"
                        + " where c.shipmentId = s.id)"
                        + " < (select coalesce(max(m.collectedMinor), 1) from CodRemittance m where m.shipmentId = s.id)"
                        + " order by s.id", Shipment.class)
                .setParameter("p", providerId).setParameter("done", List.of(ShipmentStatus.DELIVERED, ShipmentStatus.RETURNED))
                .setParameter("since", since).setParameter("after", afterId == null ? "" : afterId)
                .setMaxResults(limit).getResultList();
    }

    @Transactional(TxType.REQUIRED)
    public View view(String shipmentId) {
        Shipment shipment = em.find(Shipment.class, shipmentId);
        return view(shipment, em.find(Order.class, shipment.orderId()));
    }

    /**
     * Moves the order only if it is not there yet and the move is allowed: tracking repeats itself. Returns
     * whether it moved, so that the customer hears of each move once.
     */
    private static boolean forward(Order order, OrderStatus target, String reason, String actor, Instant now) {
        if (order.status() != target && order.status().canMoveTo(target)) {
            order.moveTo(target, reason, actor, now);
            return true;
        }
        return false;
    }

    /** The customer hears that the parcel is on its way (with its tracking number) and that it arrived. */
    private void tell(Order order, OrderStatus reached, Shipment shipment) {
        if (reached == OrderStatus.SHIPPED) {
            orderEvents.raiseShipment(order, OrderEvent.ORDER_SHIPPED, shipment.providerId(), shipment.trackingNumber());
        } else if (reached == OrderStatus.DELIVERED) {
            orderEvents.raiseShipment(order, OrderEvent.ORDER_DELIVERED, shipment.providerId(), shipment.trackingNumber());
        }
    }

    /** min, 2×min, 4×min … at most 24×min (15 min … 6 h by default) between looks at a parcel. */
    static Duration backoff(Duration min, int checks) {
        return min.multipliedBy(Math.min(24, 1L << Math.min(5, checks)));
    }

    private View view(Shipment s, Order o) {
        boolean stored = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM shipment_label WHERE shipment_id = ?1")
                .setParameter(1, s.id()).getSingleResult()).longValue() > 0;
        return new View(s.id(), s.orderId(), s.providerId(), s.status().name(), s.reversePickup(), s.reference(),
                s.trackingNumber(),
                s.courierStatus(), s.labelUrl(), stored, s.codAmountMinor(), s.lastError(), o.status().name());
    }

}
