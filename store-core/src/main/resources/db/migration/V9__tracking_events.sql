-- Tracking events couriers push to POST /api/webhooks/{providerId} (SPI 1.1, TRACKING_WEBHOOKS), verified by the
-- plugin: one row per distinct event (unique per provider and the courier's event key), so a redelivery is
-- acknowledged and ignored. An event is stored and applied to its shipment in one transaction.
CREATE TABLE tracking_event (
    id              CHAR(36)     NOT NULL,
    provider_id     VARCHAR(40)  NOT NULL,
    event_key       VARCHAR(200) NOT NULL,
    tracking_number VARCHAR(64)  NOT NULL,
    reported        VARCHAR(20)  NOT NULL,
    occurred_at     TIMESTAMP(6) NULL,
    shipment_id     VARCHAR(20)  NULL,
    outcome         VARCHAR(300) NOT NULL,
    received_at     TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_tracking_event (provider_id, event_key),
    KEY ix_tracking_event_shipment (shipment_id, received_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
