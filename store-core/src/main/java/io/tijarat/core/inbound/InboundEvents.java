package io.tijarat.core.inbound;

import io.tijarat.core.payment.inbound.CustomerReturns;
import io.tijarat.core.payment.inbound.ProviderEvents;
import io.tijarat.core.provider.PaymentProviders;
import io.tijarat.core.provider.ProviderUnavailableException;
import io.tijarat.core.provider.ShippingProviders;
import io.tijarat.core.provider.guard.ProviderMetrics;
import io.tijarat.core.shipment.TrackingEvents;
import io.tijarat.spi.CallbackReply;
import io.tijarat.spi.CallbackRequest;
import io.tijarat.spi.notification.InboundOutcome;
import io.tijarat.spi.payment.CallbackOutcome;
import io.tijarat.spi.payment.CustomerAction;
import io.tijarat.spi.shipping.ShippingCapability;
import io.tijarat.spi.shipping.TrackingCallbackOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Function;

/**
 * The one entry point for inbound provider traffic: verify → store once → apply → reply. Never called inside a
 * transaction (the plugin's verification may call the provider); each step opens its own.
 */
@ApplicationScoped
public class InboundEvents {

    @Inject
    PaymentProviders payments;

    @Inject
    ShippingProviders couriers;

    @Inject
    ProviderEvents events;

    @Inject
    io.tijarat.core.provider.NotificationProviders messaging;

    @Inject
    io.tijarat.core.contact.InboundMessages inboundMessages;

    @Inject
    TrackingEvents trackingEvents;

    @Inject
    CustomerReturns returns;

    @Inject
    ProviderMetrics metrics;

    /** What to answer a provider's server. Each case is handled by {@link #map}, so none can be forgotten. */
    public sealed interface NotificationReply {
        <R> R map(Function<CallbackReply, R> acknowledged, Function<String, R> notVerified,
                  Function<String, R> noSuchProvider);
    }

    /** Verified (stored, or a duplicate): acknowledge in the provider's own format. */
    public record Acknowledged(CallbackReply reply) implements NotificationReply {
        @Override
        public <R> R map(Function<CallbackReply, R> acknowledged, Function<String, R> notVerified,
                         Function<String, R> noSuchProvider) {
            return acknowledged.apply(reply);
        }
    }

    /** Forged or unverifiable: nothing changed, and it was counted. */
    public record NotVerified(String reason) implements NotificationReply, ReturnReply {
        @Override
        public <R> R map(Function<CallbackReply, R> acknowledged, Function<String, R> notVerified,
                         Function<String, R> noSuchProvider) {
            return notVerified.apply(reason);
        }

        @Override
        public <R> R map(Function<CustomerAction.Redirect, R> onward, Function<CustomerReturns.Landing, R> landed,
                         Function<String, R> notVerified, Function<String, R> noSuchProvider) {
            return notVerified.apply(reason);
        }
    }

    /** No active provider by that id takes this kind of request. */
    public record NoSuchProvider(String reason) implements NotificationReply, ReturnReply {
        @Override
        public <R> R map(Function<CallbackReply, R> acknowledged, Function<String, R> notVerified,
                         Function<String, R> noSuchProvider) {
            return noSuchProvider.apply(reason);
        }

        @Override
        public <R> R map(Function<CustomerAction.Redirect, R> onward, Function<CustomerReturns.Landing, R> landed,
                         Function<String, R> notVerified, Function<String, R> noSuchProvider) {
            return noSuchProvider.apply(reason);
        }
    }

    /** Where to send a customer's browser back from a gateway's page. */
    public sealed interface ReturnReply {
        <R> R map(Function<CustomerAction.Redirect, R> onward, Function<CustomerReturns.Landing, R> landed,
                  Function<String, R> notVerified, Function<String, R> noSuchProvider);
    }

    /** The hosted checkout goes on: the next page of the gateway. */
    public record Onward(CustomerAction.Redirect next) implements ReturnReply {
        @Override
        public <R> R map(Function<CustomerAction.Redirect, R> onward, Function<CustomerReturns.Landing, R> landed,
                         Function<String, R> notVerified, Function<String, R> noSuchProvider) {
            return onward.apply(next);
        }
    }

    /** Verified, stored and applied: the order as the customer should now see it. */
    public record Landed(CustomerReturns.Landing landing) implements ReturnReply {
        @Override
        public <R> R map(Function<CustomerAction.Redirect, R> onward, Function<CustomerReturns.Landing, R> landed,
                         Function<String, R> notVerified, Function<String, R> noSuchProvider) {
            return landed.apply(landing);
        }
    }

    /**
     * A provider's server tells us about a payment, or — for a courier declaring {@code TRACKING_WEBHOOKS} —
     * about a parcel (provider ids are unique across kinds). A payment event is stored once and applied
     * asynchronously; a tracking event is stored once and applied at once (a local update); a duplicate is
     * acknowledged and ignored.
     */
    public NotificationReply notification(String providerId, CallbackRequest request) {
        if (messaging.takesInbound(providerId)) {
            return messages(providerId, request);
        }
        return takesTrackingWebhooks(providerId) ? tracking(providerId, request) : payment(providerId, request);
    }

    /** An SMS or WhatsApp gateway's request (SPI 1.4): a customer's reply or a pushed delivery report. */
    private NotificationReply messages(String providerId, CallbackRequest request) {
        InboundOutcome outcome;
        try {
            outcome = messaging.verifyInbound(providerId, request);
        } catch (ProviderUnavailableException e) {
            return new NoSuchProvider("no active notification provider " + providerId + " taking inbound messages");
        }
        if (outcome instanceof InboundOutcome.Several several) {
            for (InboundOutcome event : several.events()) {
                if (event instanceof InboundOutcome.Reply reply) {
                    inboundMessages.receive(providerId, reply);
                } else if (event instanceof InboundOutcome.Delivery delivery) {
                    inboundMessages.receive(providerId, delivery);
                }
            }
            return new Acknowledged(several.reply());
        }
        if (outcome instanceof InboundOutcome.Reply reply) {
            inboundMessages.receive(providerId, reply);
            return new Acknowledged(reply.reply());
        }
        if (outcome instanceof InboundOutcome.Delivery delivery) {
            inboundMessages.receive(providerId, delivery);
            return new Acknowledged(delivery.reply());
        }
        if (outcome instanceof InboundOutcome.Ignored ignored) {
            return new Acknowledged(ignored.reply());
        }
        return notVerified(providerId, ((InboundOutcome.Rejected) outcome).reason());
    }

    /**
     * A customer's browser back from a gateway's hosted page: verified like a notification, then stored once and
     * applied at once through the same settlement path, or sent on to the gateway's next page.
     */
    public ReturnReply customerReturn(String providerId, CallbackRequest request) {
        CallbackOutcome outcome;
        try {
            outcome = payments.verifyCallback(providerId, request);
        } catch (ProviderUnavailableException e) {
            return new NoSuchProvider("no active payment provider " + providerId);
        }
        if (outcome instanceof CallbackOutcome.ContinueCheckout next) {
            return new Onward(next.next());
        }
        if (outcome instanceof CallbackOutcome.Verified verified) {
            // verified, but about no payment of ours: nothing to show, nothing counted against the provider
            return returns.accept(providerId, verified).<ReturnReply>map(Landed::new)
                    .orElseGet(() -> new NotVerified("the return names no payment of this shop"));
        }
        return notVerified(providerId);
    }

    private NotificationReply payment(String providerId, CallbackRequest request) {
        CallbackOutcome outcome;
        try {
            outcome = payments.verifyCallback(providerId, request);
        } catch (ProviderUnavailableException e) {
            // the id may be a gateway of any kind that is not active (not configured, disabled): say so plainly
            return new NoSuchProvider("no active provider " + providerId + " takes notifications");
        }
        if (outcome instanceof CallbackOutcome.Verified verified) {
            events.receive(providerId, verified).ifPresent(events::applyLater);
            return new Acknowledged(verified.reply());
        }
        return notVerified(providerId);
    }

    private NotificationReply tracking(String providerId, CallbackRequest request) {
        TrackingCallbackOutcome outcome;
        try {
            outcome = couriers.verifyTrackingCallback(providerId, request);
        } catch (ProviderUnavailableException e) {
            // disabled or replaced between the look-up and the call
            return new NoSuchProvider("no active courier " + providerId + " taking webhooks");
        }
        if (outcome instanceof TrackingCallbackOutcome.Verified verified) {
            trackingEvents.receive(providerId, verified);
            return new Acknowledged(verified.reply());
        }
        return notVerified(providerId);
    }

    private NotVerified notVerified(String providerId) {
        return notVerified(providerId, null);
    }

    /**
     * Counts a rejection, and logs the plugin's reason at most once a minute per provider: a misconfigured secret or
     * webhook address shows in the log without a flood of forged requests flooding it too.
     */
    private NotVerified notVerified(String providerId, String reason) {
        metrics.rejectedCallback(providerId);
        if (reason != null) {
            String id = providerId; // only called for an active provider: an installed id
            long now = System.nanoTime();
            Long last = lastRejectionLog.get(id);
            if (last == null || now - last > 60_000_000_000L) {
                lastRejectionLog.put(id, now);
                LOG.info(() -> "A request to /api/webhooks/" + id + " was refused: " + reason
                        + " (further refusals this minute are only counted)");
            }
        }
        return new NotVerified("the notification could not be verified");
    }

    private final java.util.Map<String, Long> lastRejectionLog = new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(InboundEvents.class.getName());

    private boolean takesTrackingWebhooks(String providerId) {
        return couriers.activeShipping().stream()
                .anyMatch(d -> d.id().equals(providerId) && d.supports(ShippingCapability.TRACKING_WEBHOOKS));
    }
}
