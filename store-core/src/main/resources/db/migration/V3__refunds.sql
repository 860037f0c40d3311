-- Refunds of an order: through the payment provider when it can refund, otherwise recorded as manual
-- (staff paid the customer back themselves, e.g. cash for a cash-on-delivery order). Never more than was paid.
CREATE TABLE refund (
    id                VARCHAR(20)  NOT NULL,
    order_id          CHAR(36)     NOT NULL,
    attempt_id        VARCHAR(20)  NULL,
    provider_id       VARCHAR(40)  NOT NULL,
    amount_minor      BIGINT       NOT NULL,
    currency          CHAR(3)      NOT NULL,
    status            VARCHAR(16)  NOT NULL,
    manual            BOOLEAN      NOT NULL,
    gateway_reference VARCHAR(100) NULL,
    detail            VARCHAR(500) NULL,
    reason            VARCHAR(300) NOT NULL,
    actor             VARCHAR(100) NOT NULL,
    created_at        TIMESTAMP(6) NOT NULL,
    updated_at        TIMESTAMP(6) NOT NULL,
    version           BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    KEY ix_refund_order (order_id),
    KEY ix_refund_status (status, updated_at),
    CONSTRAINT fk_refund_order FOREIGN KEY (order_id) REFERENCES customer_order (id),
    CONSTRAINT ck_refund_amount CHECK (amount_minor > 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
