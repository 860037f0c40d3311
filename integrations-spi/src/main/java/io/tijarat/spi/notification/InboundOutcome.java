package io.tijarat.spi.notification;

import io.tijarat.spi.CallbackReply;
import io.tijarat.spi.PhoneNumber;
import io.tijarat.spi.internal.Checks;
import java.time.Instant;
import java.util.Optional;

/**
 * What {@link NotificationProvider#verifyInbound} made of a request the gateway sent to the shop's webhook
 * ({@code POST /api/webhooks/{providerId}}): a customer's reply, or a delivery report pushed by the gateway.
 * Since SPI 1.4.
 *
 * <table>
 *   <caption>What each outcome means and what the core does</caption>
 *   <tr><th>outcome</th><th>means</th><th>core</th></tr>
 *   <tr><td>{@link Reply}</td><td>authentic: a customer wrote to the shop's number</td>
 *       <td>drops it if {@code eventKey} was seen before; else stores it and reads it in the same transaction:
 *       an opt-out word ({@code STOP}) withdraws the customer's consent to promotional messages at once; with cash
 *       on delivery confirmation by reply on, {@code 1} confirms and {@code 2} cancels the order waiting for that
 *       phone's confirmation; anything else is kept for staff. Answers with {@code reply}</td></tr>
 *   <tr><td>{@link Delivery}</td><td>authentic: the gateway says whether a message it accepted arrived</td>
 *       <td>drops a duplicate; else stores it and updates the message, through the same forward-only function
 *       as a polled report (DELIVERED or FAILED are never undone by a late PENDING); answers with {@code reply}</td></tr>
 *   <tr><td>{@link Ignored}</td><td>authentic, but nothing the core acts on (an intermediate status such as
 *       "sending", a read receipt, a test ping)</td><td>answers with {@code reply}; stores nothing</td></tr>
 *   <tr><td>{@link Several}</td><td>authentic, with several of the above (a batched webhook)</td>
 *       <td>each as if it came alone; answers with {@code reply}</td></tr>
 *   <tr><td>{@link Rejected}</td><td>forged, tampered, malformed or not for this shop's account</td>
 *       <td>answers 401 and counts it; changes nothing</td></tr>
 * </table>
 *
 * <p>Verify over the raw bytes ({@link io.tijarat.spi.CallbackRequest#body()}) before reading anything, and compare
 * signatures in constant time ({@link java.security.MessageDigest#isEqual}).
 */
public sealed interface InboundOutcome {

    /**
     * A message a customer sent to the shop's number.
     *
     * @param eventKey   the same for every redelivery of this message and different for every other message: the
     *                   gateway's message id; at most 200 characters
     * @param from       who wrote
     * @param text       what they wrote, as received (the core trims and reads it); may be empty (a picture)
     * @param receivedAt when the gateway received it, if it says
     * @param reply      what to answer the gateway with; never a text to the customer (the core sends its own
     *                   messages through the outbox)
     */
    record Reply(String eventKey, PhoneNumber from, String text, Optional<Instant> receivedAt, CallbackReply reply)
            implements InboundOutcome {
        public Reply {
            Checks.notBlank(eventKey, "eventKey", 200);
            Checks.notNull(from, "from");
            Checks.notNull(text, "text");
            Checks.optional(receivedAt, "receivedAt");
            Checks.notNull(reply, "reply");
        }
    }

    /**
     * A delivery report the gateway pushed about a message it accepted.
     *
     * @param eventKey the same for every redelivery of this report and different for each status of the same
     *                 message: the gateway's message id and status joined, for instance; at most 200 characters
     * @param report   the report, naming the message as {@link SendOutcome.Accepted} did
     * @param reply    what to answer the gateway with
     */
    record Delivery(String eventKey, DeliveryReport report, CallbackReply reply) implements InboundOutcome {
        public Delivery {
            Checks.notBlank(eventKey, "eventKey", 200);
            Checks.notNull(report, "report");
            Checks.notNull(reply, "reply");
        }
    }

    /**
     * Authentic, but nothing the core acts on.
     *
     * @param why   for logs, without the request's personal data
     * @param reply what to answer the gateway with
     */
    record Ignored(String why, CallbackReply reply) implements InboundOutcome {
        public Ignored {
            Checks.notBlank(why, "why");
            Checks.notNull(reply, "reply");
        }
    }

    /**
     * Several events in one authentic request (WhatsApp batches statuses and messages): each is handled as if it had
     * come alone, in order.
     *
     * @param events the replies and delivery reports, at least one; {@link Ignored} entries are allowed and skipped
     * @param reply  what to answer the gateway with, once for all
     */
    record Several(java.util.List<InboundOutcome> events, CallbackReply reply) implements InboundOutcome {
        public Several {
            events = java.util.List.copyOf(Checks.notNull(events, "events"));
            if (events.isEmpty()) {
                throw new IllegalArgumentException("events must not be empty: answer Ignored instead");
            }
            for (InboundOutcome event : events) {
                if (event instanceof Several || event instanceof Rejected) {
                    throw new IllegalArgumentException("events holds only Reply, Delivery or Ignored");
                }
            }
            Checks.notNull(reply, "reply");
        }
    }

    /** @param reason for logs: why, without echoing the request's data */
    record Rejected(String reason) implements InboundOutcome {
        public Rejected {
            Checks.notBlank(reason, "reason");
        }
    }
}
