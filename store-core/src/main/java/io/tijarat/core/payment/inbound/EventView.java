package io.tijarat.core.payment.inbound;

import java.time.Instant;

/** A received event as admins see it. */
public record EventView(String id, String providerId, String eventKey, String attemptId, String reported,
                        boolean confirmedByInquiry, String state, Instant receivedAt, Instant appliedAt,
                        String outcome) {
    public static EventView of(ProviderEvent e) {
        return new EventView(e.id(), e.providerId(), e.eventKey(), e.attemptId(), e.reported(), e.confirmByInquiry(),
                e.state(), e.receivedAt(), e.appliedAt(), e.outcome());
    }
}
