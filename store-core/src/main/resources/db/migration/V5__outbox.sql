-- Transactional outbox: a message is written in the same transaction as the state change it announces,
-- and a relay delivers it afterwards through the notification providers. Its id is the event id the
-- provider may use to drop duplicates.
CREATE TABLE outbox_message (
    id                  VARCHAR(20)  NOT NULL,
    event_type          VARCHAR(32)  NOT NULL,
    order_id            CHAR(36)     NULL,
    channel             VARCHAR(8)   NOT NULL,
    recipient           VARCHAR(254) NOT NULL,
    locale              VARCHAR(8)   NOT NULL,
    subject             VARCHAR(300) NULL,
    body                TEXT         NOT NULL,
    state               VARCHAR(12)  NOT NULL,
    attempts            INT          NOT NULL DEFAULT 0,
    next_attempt_at     TIMESTAMP(6) NOT NULL,
    last_error          VARCHAR(300) NULL,
    provider_id         VARCHAR(40)  NULL,
    provider_message_id VARCHAR(200) NULL,
    created_at          TIMESTAMP(6) NOT NULL,
    sent_at             TIMESTAMP(6) NULL,
    PRIMARY KEY (id),
    KEY ix_outbox_due (state, next_attempt_at),
    KEY ix_outbox_order (order_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
