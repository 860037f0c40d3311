-- What SMS/WhatsApp gateways send to POST /api/webhooks/{providerId} (SPI 1.4): customers' replies and pushed
-- delivery reports, verified by the plugin, stored once per provider and event key (a redelivery is acknowledged and
-- ignored) and read in the same transaction: what the core made of it is kept beside it for staff.
CREATE TABLE inbound_message (
    id                 CHAR(36)      NOT NULL,
    provider_id        VARCHAR(40)   NOT NULL,
    event_key          VARCHAR(200)  NOT NULL,
    kind               VARCHAR(10)   NOT NULL,
    phone              VARCHAR(16)   NULL,
    body               VARCHAR(1600) NULL,
    gateway_message_id VARCHAR(128)  NULL,
    reading            VARCHAR(20)   NOT NULL,
    order_id           CHAR(36)      NULL,
    outcome            VARCHAR(300)  NOT NULL,
    received_at        TIMESTAMP(6)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_inbound_message (provider_id, event_key),
    KEY ix_inbound_phone (phone, received_at),
    KEY ix_inbound_order (order_id, received_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The consent ledger: who agreed to or refused promotional messages, when, how and on what evidence. Rows are only
-- ever added (the application has no UPDATE or DELETE for this table); a phone's consent is its newest row.
CREATE TABLE consent_event (
    id        BIGINT       NOT NULL AUTO_INCREMENT,
    phone     VARCHAR(16)  NOT NULL,
    granted   BOOLEAN      NOT NULL,
    source    VARCHAR(12)  NOT NULL,
    actor     VARCHAR(100) NOT NULL,
    evidence  VARCHAR(300) NULL,
    at        TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (id),
    KEY ix_consent_phone (phone, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A pushed delivery report names the message by the gateway's id.
CREATE INDEX ix_outbox_provider_message ON outbox_message (provider_id, provider_message_id);

-- Promotional messages (event type PROMOTION) are sent only while the recipient's newest consent entry grants them.
ALTER TABLE outbox_message ADD COLUMN category VARCHAR(14) NOT NULL DEFAULT 'TRANSACTIONAL';

-- WhatsApp messages (SPI 1.4): the approved template they are sent as, and the order's values that fill it (a JSON
-- object, e.g. {"number":"TJ-…","total":"Rs 2,239"}); the same values render the SMS sent instead when WhatsApp
-- cannot deliver.
ALTER TABLE outbox_message ADD COLUMN template_name VARCHAR(100) NULL;
ALTER TABLE outbox_message ADD COLUMN template_values TEXT NULL;
