package io.tijarat.core.checkout;

import io.tijarat.core.error.NotFoundException;
import io.tijarat.core.order.Order;
import io.tijarat.core.payment.attempt.AttemptStatus;
import io.tijarat.core.payment.attempt.NextAction;
import io.tijarat.core.payment.attempt.PaymentAttempt;
import io.tijarat.core.payment.settlement.PaymentAnswers;
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

/**
 * Records a provider's answer to a payment attempt in its own transaction (what the answer does to the attempt and
 * the order is {@link PaymentAnswers}'), and answers with the order as its customer sees it. Only a STARTED attempt
 * takes an answer: a second answer for the same attempt (a retry, a late callback) changes nothing here; settling
 * later answers is the reconciler's job.
 */
@ApplicationScoped
public class PaymentRecorder {

    private static final Jsonb JSON = JsonbBuilder.create();

    @PersistenceContext(unitName = "tijarat")
    EntityManager em;

    @Inject
    OrderAccess access;

    @Inject
    PaymentAnswers answers;

    /** How the order should react, decided by what kind of provider answered. */
    public record Answer(PaymentOutcome outcome, boolean collectOnDelivery) {
    }

    @Transactional(TxType.REQUIRES_NEW)
    public OrderView record(String attemptId, Answer answer) {
        PaymentAttempt attempt = em.find(PaymentAttempt.class, attemptId, LockModeType.PESSIMISTIC_WRITE);
        Order order = em.find(Order.class, attempt.orderId(), LockModeType.PESSIMISTIC_WRITE);
        if (attempt.status() != AttemptStatus.STARTED) {
            return view(order, attempt);
        }
        answers.record(attempt, order, answer.outcome(), answer.collectOnDelivery());
        return view(order, attempt);
    }

    /** The provider could not be asked: nothing happened, the customer may try again. */
    @Transactional(TxType.REQUIRES_NEW)
    public OrderView notSent(String attemptId, String reason) {
        PaymentAttempt attempt = em.find(PaymentAttempt.class, attemptId, LockModeType.PESSIMISTIC_WRITE);
        answers.notSent(attempt);
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
