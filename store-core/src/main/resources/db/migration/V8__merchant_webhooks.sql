-- Merchant webhooks: URLs admins registered for order events, and one delivery row per (event, endpoint),
-- written in the same transaction as the order change. The delivery id is the event id the receiver sees.
-- No foreign key from delivery to endpoint on purpose: an order's transaction inserts deliveries, and must
-- never wait for (or fail on) an admin deleting a webhook at the same moment; the relay drops orphans.
CREATE TABLE webhook_endpoint (
    id                   CHAR(36)      NOT NULL,
    url                  VARCHAR(2000) NOT NULL,
    events               VARCHAR(1000) NOT NULL,
    secret               VARCHAR(64)   NOT NULL,
    active               BOOLEAN       NOT NULL,
    consecutive_failures INT           NOT NULL DEFAULT 0,
    disabled_at          TIMESTAMP(6)  NULL,
    disabled_reason      VARCHAR(300)  NULL,
    created_at           TIMESTAMP(6)  NOT NULL,
    PRIMARY KEY (id),
    KEY ix_webhook_endpoint_active (active)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE webhook_delivery (
    id               CHAR(36)     NOT NULL,
    endpoint_id      CHAR(36)     NOT NULL,
    order_id         CHAR(36)     NULL,
    event_type       VARCHAR(40)  NOT NULL,
    payload          TEXT         NOT NULL,
    status           VARCHAR(12)  NOT NULL,
    attempts         INT          NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMP(6) NOT NULL,
    last_status_code INT          NULL,
    last_error       VARCHAR(300) NULL,
    created_at       TIMESTAMP(6) NOT NULL,
    delivered_at     TIMESTAMP(6) NULL,
    PRIMARY KEY (id),
    KEY ix_webhook_delivery_due (status, next_attempt_at),
    KEY ix_webhook_delivery_endpoint (endpoint_id, created_at),
    KEY ix_webhook_delivery_order (order_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
