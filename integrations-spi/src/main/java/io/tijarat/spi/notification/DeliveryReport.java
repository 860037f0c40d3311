package io.tijarat.spi.notification;

import io.tijarat.spi.internal.Checks;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether an accepted message reached the recipient, as {@link NotificationProvider#deliveryStatus}
 * reports it.
 *
 * @param gatewayMessageId the message, as {@link SendOutcome.Accepted} named it
 * @param status           where it stands
 * @param at               when it reached that status, if the gateway says
 * @param detail           the gateway's wording, for staff, if any
 */
public record DeliveryReport(String gatewayMessageId, Status status, Optional<Instant> at,
                             Optional<String> detail) {

    /** Where an accepted message stands. */
    public enum Status {
        /** Still with the gateway or the network; ask again later. */
        PENDING,
        /** Reached the phone or mailbox. */
        DELIVERED,
        /** Will not arrive: unreachable, expired, bounced. */
        FAILED
    }

    public DeliveryReport {
        Checks.notBlank(gatewayMessageId, "gatewayMessageId");
        Checks.notNull(status, "status");
        Checks.optional(at, "at");
        Checks.optional(detail, "detail");
    }
}
