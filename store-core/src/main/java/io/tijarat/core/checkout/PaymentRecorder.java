package io.tijarat.core.checkout;

import io.tijarat.core.order.OrderEvent;
import io.tijarat.core.order.OrderEvents;
import io.tijarat.core.error.NotFoundException;
import io.tijarat.core.order.Order;
import io.tijarat.core.order.OrderStatus;
import io.tijarat.core.payment.attempt.AttemptStatus;
import io.tijarat.core.payment.attempt.PaymentAttempt;
import io.tijarat.spi.payment.CustomerAction;
import io.tijarat.spi.payment.PaymentOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;

/**
 * Records a provider's answer to a payment attempt and moves the order accordingly, in its own
 * transaction. Only a STARTED attempt takes an answer: a second answer for the same attempt (a retry, a
 * late callback) changes nothing here; settling later answers is the reconciler's job.
 */
@ApplicationScoped
public class PaymentRecorder {

    private static final Jsonb JSON = JsonbBuilder.create();

    @PersistenceContext(unitName = "tijarat")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    OrderEvents orderEvents;

    @Inject
    OrderAccess access;

    /** How the order should react, decided by what kind of provider answered. */
    public record Answer(PaymentOutcome outcome, boolean collectOnDelivery) {
    }

    @Transactional(TxType.REQUIRES_NEW)
    public OrderView record(String attemptId, Answer answer) {
        var now = clock.instant();
        PaymentAttempt attempt = em.find(PaymentAttempt.class, attemptId, LockModeType.PESSIMISTIC_WRITE);
        Order order = em.find(Order.class, attempt.orderId(), LockModeType.PESSIMISTIC_WRITE);
        if (attempt.status() != AttemptStatus.STARTED) {
            return view(order, attempt);
        }
        String actor = "provider:" + attempt.providerId();
        answer.outcome().match(new PaymentOutcome.Cases<Void>() {
            @Override
            public Void approved(PaymentOutcome.Approved approved) {
                attempt.record(AttemptStatus.APPROVED, approved.gatewayReference(), "paid", null, now);
                if (!approved.amount().equals(attempt.amount())) {
                    attempt.flag("the provider approved " + approved.amount() + ", the order expects " + attempt.amount()
                            + ": check and refund or collect the difference", now);
                } else if (order.status() == OrderStatus.PENDING_PAYMENT) {
                    order.moveTo(OrderStatus.PAID, "payment approved by " + attempt.providerId(), actor, now);
                    orderEvents.raise(order, OrderEvent.ORDER_PAID, approved.amount());
                } else {
                    attempt.flag("approved after the order was " + order.status() + ": refund the customer", now);
                }
                return null;
            }

            @Override
            public Void pending(PaymentOutcome.Pending pending) {
                NextAction next = NextAction.of(pending.next());
                attempt.record(AttemptStatus.PENDING, pending.gatewayReference().orElse(null),
                        next.instructions(), JSON.toJson(next), now);
                if (answer.collectOnDelivery()) {
                    cashOnDelivery(pending.next()).ifPresent(move -> order.moveTo(move.status(), move.reason(), actor, now));
                }
                return null;
            }

            @Override
            public Void declined(PaymentOutcome.Declined declined) {
                attempt.record(AttemptStatus.DECLINED, null, declined.customerMessage(), null, now);
                orderEvents.raise(order, OrderEvent.PAYMENT_FAILED, order.total());
                return null;
            }

            @Override
            public Void unknown(PaymentOutcome.Unknown unknown) {
                attempt.record(AttemptStatus.UNKNOWN, unknown.gatewayReference().orElse(null),
                        "we are confirming your payment with the provider", null, now);
                return null;
            }
        });
        return view(order, attempt);
    }

    record Move(OrderStatus status, String reason) {
    }

    /** Where a cash-on-delivery order goes when its provider asks the customer for {@code next}. */
    static Optional<Move> cashOnDelivery(CustomerAction next) {
        return next.match(new CustomerAction.Cases<>() {
            @Override
            public Optional<Move> redirect(CustomerAction.Redirect redirect) {
                return Optional.empty();
            }

            @Override
            public Optional<Move> approveOnPhone(CustomerAction.ApproveOnPhone approveOnPhone) {
                return Optional.of(new Move(OrderStatus.AWAITING_CONFIRMATION,
                        "cash on delivery: awaiting the customer's confirmation"));
            }

            @Override
            public Optional<Move> payVoucher(CustomerAction.PayVoucher payVoucher) {
                return Optional.empty();
            }

            @Override
            public Optional<Move> payOffline(CustomerAction.PayOffline payOffline) {
                return Optional.of(new Move(OrderStatus.CONFIRMED, "cash on delivery: ready to fulfil"));
            }
        });
    }

    /** The provider could not be asked: nothing happened, the customer may try again. */
    @Transactional(TxType.REQUIRES_NEW)
    public OrderView notSent(String attemptId, String reason) {
        PaymentAttempt attempt = em.find(PaymentAttempt.class, attemptId, LockModeType.PESSIMISTIC_WRITE);
        if (attempt.status() == AttemptStatus.STARTED) {
            attempt.record(AttemptStatus.NOT_SENT, null,
                    "the payment service is not available right now; please try again in a few minutes", null,
                    clock.instant());
        }
        return view(em.find(Order.class, attempt.orderId()), attempt);
    }

    /**
     * The order with its latest attempt, as its customer sees it. A read: it joins the caller's transaction if there
     * is one and opens none (no {@code SET autocommit}/{@code COMMIT} round trips for a customer polling an order).
     */
    @Transactional(TxType.SUPPORTS)
    public OrderView view(String orderId) {
        return view(withLines(orderId).orElseThrow(() -> new NotFoundException("no order with this id")));
    }

    private OrderView view(Order order) {
        return view(order, PaymentAttempt.latestOf(em, order.id()).orElse(null));
    }

    // The order with the lines the view reads, in one query: outside a transaction nothing is loaded lazily.
    private Optional<Order> withLines(String orderId) {
        return orderId == null ? Optional.empty() : em.createQuery(
                        "select distinct o from Order o left join fetch o.lines where o.id = :id", Order.class)
                .setParameter("id", orderId).getResultStream().findFirst();
    }

    /**
     * The order for a customer who holds its access token. A wrong token and a missing order look the
     * same (404), so ids cannot be probed.
     */
    @Transactional(TxType.SUPPORTS)
    public OrderView viewWithToken(String orderId, String accessToken) {
        Order order = accessToken == null ? null : withLines(orderId).orElse(null);
        if (!access.opens(order, accessToken)) {
            throw new NotFoundException("no order with this id and access token");
        }
        return view(order);
    }

    private static OrderView view(Order order, PaymentAttempt attempt) {
        NextAction next = attempt == null || attempt.nextAction() == null ? null
                : JSON.fromJson(attempt.nextAction(), NextAction.class);
        return OrderView.of(order, attempt, next);
    }
}
