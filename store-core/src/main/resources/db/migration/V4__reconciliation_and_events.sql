-- Reconciliation of payment attempts, and inbound provider events (callbacks/IPN) stored once.

ALTER TABLE payment_attempt
    ADD COLUMN next_check_at TIMESTAMP(6) NULL,
    ADD COLUMN checks        INT          NOT NULL DEFAULT 0,
    ADD COLUMN attention     VARCHAR(300) NULL;

CREATE INDEX ix_attempt_next_check ON payment_attempt (status, next_check_at);

-- One row per distinct event a provider sent us (unique per provider and the provider's event key):
-- a duplicate delivery is acknowledged and ignored.
CREATE TABLE provider_event (
    id           CHAR(36)     NOT NULL,
    provider_id  VARCHAR(40)  NOT NULL,
    event_key    VARCHAR(200) NOT NULL,
    attempt_id   VARCHAR(20)  NOT NULL,
    reported     VARCHAR(16)  NOT NULL,
    reference    VARCHAR(100) NULL,
    amount_minor BIGINT       NULL,
    currency     CHAR(3)      NULL,
    message      VARCHAR(300) NULL,
    confirm_by_inquiry BOOLEAN NOT NULL,
    state        VARCHAR(16)  NOT NULL,
    received_at  TIMESTAMP(6) NOT NULL,
    applied_at   TIMESTAMP(6) NULL,
    outcome      VARCHAR(300) NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_provider_event (provider_id, event_key),
    KEY ix_provider_event_state (state, received_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
