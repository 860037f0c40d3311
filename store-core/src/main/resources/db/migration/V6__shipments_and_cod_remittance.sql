-- Shipments booked with couriers, their tracking, and the couriers' COD remittances matched to orders.
CREATE TABLE shipment (
    id                VARCHAR(20)  NOT NULL,
    order_id          CHAR(36)     NOT NULL,
    provider_id       VARCHAR(40)  NOT NULL,
    service_code      VARCHAR(40)  NULL,
    status            VARCHAR(16)  NOT NULL,
    tracking_number   VARCHAR(100) NULL,
    label_url         VARCHAR(500) NULL,
    courier_reference VARCHAR(100) NULL,
    cod_amount_minor  BIGINT       NULL,
    currency          CHAR(3)      NOT NULL,
    last_error        VARCHAR(300) NULL,
    next_track_at     TIMESTAMP(6) NULL,
    track_checks      INT          NOT NULL DEFAULT 0,
    created_at        TIMESTAMP(6) NOT NULL,
    updated_at        TIMESTAMP(6) NOT NULL,
    version           BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    KEY ix_shipment_order (order_id),
    KEY ix_shipment_track (status, next_track_at),
    UNIQUE KEY uk_shipment_tracking (provider_id, tracking_number),
    CONSTRAINT fk_shipment_order FOREIGN KEY (order_id) REFERENCES customer_order (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE cod_remittance (
    id               CHAR(36)     NOT NULL,
    provider_id      VARCHAR(40)  NOT NULL,
    tracking_number  VARCHAR(100) NOT NULL,
    reference        VARCHAR(100) NOT NULL,
    shipment_id      VARCHAR(20)  NULL,
    order_id         CHAR(36)     NULL,
    expected_minor   BIGINT       NULL,
    collected_minor  BIGINT       NOT NULL,
    charges_minor    BIGINT       NULL,
    remitted_minor   BIGINT       NOT NULL,
    remitted_on      DATE         NOT NULL,
    verdict          VARCHAR(20)  NOT NULL,
    created_at       TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_remittance (provider_id, tracking_number, reference),
    KEY ix_remittance_verdict (verdict)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
