package io.tijarat.core.payment.inbound;

import io.tijarat.core.order.Order;
import io.tijarat.core.payment.attempt.PaymentAttempt;
import io.tijarat.spi.payment.CallbackOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The customer's browser coming back from a gateway's hosted page. What it brings is handled exactly like
 * a notification — stored once under its event key, applied through the one settlement function — except
 * that it is applied at once, while the customer waits, so the page they land on already shows the
 * result. A return that cannot be applied now (the gateway cannot be asked) is left for the reconciler's
 * sweep; the customer sees "we are confirming your payment".
 */
@ApplicationScoped
public class CustomerReturns {

    private static final Logger LOG = Logger.getLogger(CustomerReturns.class.getName());

    @Inject
    ProviderEvents events;

    @PersistenceContext(unitName = "tijarat")
    EntityManager em;

    /** Where the customer lands: their order as it stands after the return was applied. */
    public record Landing(String orderId, String orderNumber, String orderStatus, String attemptStatus,
                          String locale) {

        /** {@code paid}, {@code failed} or {@code pending}: what the storefront tells the customer. */
        public String outcome() {
            return switch (attemptStatus) {
                case "APPROVED" -> "paid";
                case "DECLINED", "NOT_SENT" -> "failed";
                // EXPIRED may be an attempt that never got a certain answer: it is not "nothing was charged"
                default -> "pending";
            };
        }
    }

    /**
     * Stores and applies a verified return; empty if it names an attempt of another provider or none of
     * ours (nothing is changed then).
     */
    public Optional<Landing> accept(String providerId, CallbackOutcome.Verified verified) {
        events.receive(providerId, verified).ifPresent(eventId -> {
            try {
                events.apply(eventId);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A customer return for provider " + providerId + " could not be applied yet;"
                        + " the reconciler applies event " + eventId + " on its next run", e);
            }
        });
        return landing(providerId, verified.attemptId().value());
    }

    @Transactional(TxType.REQUIRES_NEW)
    public Optional<Landing> landing(String providerId, String attemptId) {
        PaymentAttempt attempt = em.find(PaymentAttempt.class, attemptId);
        if (attempt == null || !attempt.providerId().equals(providerId)) {
            return Optional.empty();
        }
        Order order = em.find(Order.class, attempt.orderId());
        return Optional.of(new Landing(order.id(), order.number(), order.status().name(), attempt.status().name(),
                order.locale()));
    }
}
