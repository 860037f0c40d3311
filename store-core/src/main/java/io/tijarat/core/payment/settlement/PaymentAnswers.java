package io.tijarat.core.payment.settlement;

import io.tijarat.core.order.Order;
import io.tijarat.core.order.OrderEvent;
import io.tijarat.core.order.OrderEvents;
import io.tijarat.core.order.OrderStatus;
import io.tijarat.core.payment.attempt.AttemptStatus;
import io.tijarat.core.payment.attempt.NextAction;
import io.tijarat.core.payment.attempt.PaymentAttempt;
import io.tijarat.spi.payment.CustomerAction;
import io.tijarat.spi.payment.PaymentOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.util.Optional;

/**
 * What a provider's first answer to a STARTED attempt does to the attempt and its order, inside the caller's
 * transaction ({@code MANDATORY}, both rows locked by the caller). Every {@link PaymentOutcome} and, for cash on
 * delivery, every {@link CustomerAction} is handled through its {@code match}, so a new case breaks the compile.
 */
@ApplicationScoped
public class PaymentAnswers {

    private static final Jsonb JSON = JsonbBuilder.create();

    @Inject
    Clock clock;

    @Inject
    OrderEvents orderEvents;

    @Transactional(TxType.MANDATORY)
    public void record(PaymentAttempt attempt, Order order, PaymentOutcome outcome, boolean collectOnDelivery) {
        var now = clock.instant();
        String actor = "provider:" + attempt.providerId();
        outcome.match(new PaymentOutcome.Cases<Void>() {
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
                if (collectOnDelivery) {
                    cashOnDelivery(pending.next()).ifPresent(move -> {
                        order.moveTo(move.status(), move.reason(), actor, now);
                        if (move.status() == OrderStatus.AWAITING_CONFIRMATION) {
                            orderEvents.raise(order, OrderEvent.COD_CONFIRMATION_REQUESTED, order.total());
                        }
                    });
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
    }

    /** The provider could not be asked: nothing happened, the customer may try again. */
    @Transactional(TxType.MANDATORY)
    public void notSent(PaymentAttempt attempt) {
        if (attempt.status() == AttemptStatus.STARTED) {
            attempt.record(AttemptStatus.NOT_SENT, null,
                    "the payment service is not available right now; please try again in a few minutes", null,
                    clock.instant());
        }
    }

    public record Move(OrderStatus status, String reason) {
    }

    /** Where a cash-on-delivery order goes when its provider asks the customer for {@code next}. */
    public static Optional<Move> cashOnDelivery(CustomerAction next) {
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
}
