package io.tijarat.spi.payment;

import io.tijarat.spi.CallbackReply;
import io.tijarat.spi.IdempotencyKey;
import io.tijarat.spi.internal.Checks;

/**
 * What {@link PaymentProvider#verifyCallback} made of an inbound request.
 *
 * <table>
 *   <caption>What each outcome means and what the core does</caption>
 *   <tr><th>outcome</th><th>means</th><th>core</th></tr>
 *   <tr><td>{@link Verified}</td><td>the request is about one of our attempts and says where it
 *       stands</td><td>drops it if {@code eventKey} was seen before; else applies the status, or
 *       inquires first if {@code confirmByInquiry}; answers with {@code reply}</td></tr>
 *   <tr><td>{@link ContinueCheckout}</td><td>a hosted checkout needs one more browser step
 *       (EasyPaisa's {@code auth_token} hand-back)</td><td>sends the browser on</td></tr>
 *   <tr><td>{@link Rejected}</td><td>forged, tampered, replayed, malformed or not ours</td>
 *       <td>answers 400 and logs the reason; a returning customer sees "checking your payment" while
 *       inquiry settles the attempt</td></tr>
 * </table>
 */
public sealed interface CallbackOutcome {

    /**
     * An authentic (or, for unsigned gateways, plausible) report about an attempt.
     *
     * @param eventKey         the same for every redelivery of one event, and different for different
     *                         events about the same attempt, e.g. the attempt id, status and gateway
     *                         transaction id joined; at most 200 characters
     * @param attemptId        the attempt, read from the gateway's merchant reference
     * @param status           the reported status: {@link InquiryOutcome.Paid},
     *                         {@link InquiryOutcome.Failed} or {@link InquiryOutcome.Pending}; or
     *                         {@link InquiryOutcome.Unknown} when the request only says that something
     *                         happened to the attempt (EasyPaisa's IPN), which needs
     *                         {@code confirmByInquiry}
     * @param confirmByInquiry {@code true} when the request is not signed (EasyPaisa's IPN and return),
     *                         so the status is only a hint: the core inquires before changing anything
     * @param reply            what to answer the gateway with
     */
    record Verified(String eventKey, IdempotencyKey attemptId, InquiryOutcome status, boolean confirmByInquiry,
                    CallbackReply reply) implements CallbackOutcome {
        public Verified {
            Checks.notBlank(eventKey, "eventKey", 200);
            Checks.notNull(attemptId, "attemptId");
            Checks.notNull(status, "status");
            if (status instanceof InquiryOutcome.NotFound) {
                throw new IllegalArgumentException("a callback cannot report NotFound; reject a callback that is"
                        + " not about one of our attempts");
            }
            if (status instanceof InquiryOutcome.Unknown && !confirmByInquiry) {
                throw new IllegalArgumentException("a callback that reports Unknown must set confirmByInquiry");
            }
            Checks.notNull(reply, "reply");
        }
    }

    /**
     * The customer's browser must take one more step before the gateway reports a result. Only for a
     * {@link io.tijarat.spi.CallbackRequest.Source#CUSTOMER_RETURN customer return}.
     *
     * @param attemptId the attempt
     * @param next      where the browser goes now
     */
    record ContinueCheckout(IdempotencyKey attemptId, CustomerAction.Redirect next) implements CallbackOutcome {
        public ContinueCheckout {
            Checks.notNull(attemptId, "attemptId");
            Checks.notNull(next, "next");
        }
    }

    /** @param reason for logs: why, without echoing the request's data */
    record Rejected(String reason) implements CallbackOutcome {
        public Rejected {
            Checks.notBlank(reason, "reason");
        }
    }
}
