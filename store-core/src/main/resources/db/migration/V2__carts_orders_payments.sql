-- Carts, orders with their history, payment attempts and checkout idempotency records.

CREATE TABLE cart (
    id          CHAR(36)     NOT NULL,
    currency    CHAR(3)      NOT NULL,
    created_at  TIMESTAMP(6) NOT NULL,
    updated_at  TIMESTAMP(6) NOT NULL,
    checked_out BOOLEAN      NOT NULL DEFAULT FALSE,
    version     BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE cart_line (
    id          CHAR(36) NOT NULL,
    cart_id     CHAR(36) NOT NULL,
    variant_id  CHAR(36) NOT NULL,
    quantity    INT      NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_cart_line_variant (cart_id, variant_id),
    CONSTRAINT fk_cart_line_cart FOREIGN KEY (cart_id) REFERENCES cart (id) ON DELETE CASCADE,
    CONSTRAINT fk_cart_line_variant FOREIGN KEY (variant_id) REFERENCES product_variant (id),
    CONSTRAINT ck_cart_line_quantity CHECK (quantity > 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE customer_order (
    id                 CHAR(36)     NOT NULL,
    order_number       VARCHAR(16)  NOT NULL,
    access_token_hash  CHAR(64)     NOT NULL,
    status             VARCHAR(32)  NOT NULL,
    customer_name      VARCHAR(200) NOT NULL,
    customer_phone     VARCHAR(16)  NOT NULL,
    customer_email     VARCHAR(254) NULL,
    locale             VARCHAR(8)   NOT NULL,
    address            VARCHAR(500) NOT NULL,
    city               VARCHAR(100) NOT NULL,
    postal_code        VARCHAR(10)  NULL,
    payment_provider   VARCHAR(40)  NOT NULL,
    shipping_provider  VARCHAR(40)  NOT NULL,
    shipping_service   VARCHAR(40)  NOT NULL,
    currency           CHAR(3)      NOT NULL,
    subtotal_minor     BIGINT       NOT NULL,
    shipping_minor     BIGINT       NOT NULL,
    tax_minor          BIGINT       NOT NULL,
    total_minor        BIGINT       NOT NULL,
    refunded_minor     BIGINT       NOT NULL DEFAULT 0,
    created_at         TIMESTAMP(6) NOT NULL,
    updated_at         TIMESTAMP(6) NOT NULL,
    version            BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE KEY uk_order_number (order_number),
    KEY ix_order_status_created (status, created_at),
    KEY ix_order_created (created_at),
    CONSTRAINT ck_order_amounts CHECK (subtotal_minor >= 0 AND shipping_minor >= 0 AND tax_minor >= 0
        AND total_minor = subtotal_minor + shipping_minor + tax_minor
        AND refunded_minor >= 0 AND refunded_minor <= total_minor)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE order_line (
    id               CHAR(36)     NOT NULL,
    order_id         CHAR(36)     NOT NULL,
    line_no          INT          NOT NULL,
    variant_id       CHAR(36)     NOT NULL,
    sku              VARCHAR(64)  NOT NULL,
    title            VARCHAR(400) NOT NULL,
    unit_price_minor BIGINT       NOT NULL,
    quantity         INT          NOT NULL,
    weight_grams     INT          NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_order_line_no (order_id, line_no),
    CONSTRAINT fk_order_line_order FOREIGN KEY (order_id) REFERENCES customer_order (id),
    CONSTRAINT ck_order_line_quantity CHECK (quantity > 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Append-only: every status change, when, from, to, why and who.
CREATE TABLE order_history (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    order_id    CHAR(36)     NOT NULL,
    at          TIMESTAMP(6) NOT NULL,
    from_status VARCHAR(32)  NULL,
    to_status   VARCHAR(32)  NOT NULL,
    reason      VARCHAR(500) NOT NULL,
    actor       VARCHAR(100) NOT NULL,
    PRIMARY KEY (id),
    KEY ix_order_history_order (order_id, id),
    CONSTRAINT fk_order_history_order FOREIGN KEY (order_id) REFERENCES customer_order (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per attempt to take a payment. Its id is the idempotency key and merchant reference sent
-- to the provider, so a retry is recognisable and a lost answer can be found again by inquiry.
CREATE TABLE payment_attempt (
    id                VARCHAR(20)  NOT NULL,
    order_id          CHAR(36)     NOT NULL,
    provider_id       VARCHAR(40)  NOT NULL,
    amount_minor      BIGINT       NOT NULL,
    currency          CHAR(3)      NOT NULL,
    status            VARCHAR(16)  NOT NULL,
    gateway_reference VARCHAR(100) NULL,
    detail            VARCHAR(500) NULL,
    next_action       TEXT         NULL,
    created_at        TIMESTAMP(6) NOT NULL,
    updated_at        TIMESTAMP(6) NOT NULL,
    version           BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    KEY ix_attempt_order (order_id),
    KEY ix_attempt_status (status, updated_at),
    CONSTRAINT fk_attempt_order FOREIGN KEY (order_id) REFERENCES customer_order (id),
    CONSTRAINT ck_attempt_amount CHECK (amount_minor > 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Idempotency-Key records (IETF draft semantics), scoped per client, kept at least 24 hours.
CREATE TABLE idempotency_record (
    id              CHAR(36)     NOT NULL,
    client_id       VARCHAR(64)  NOT NULL,
    idem_key        VARCHAR(255) NOT NULL,
    operation       VARCHAR(40)  NOT NULL,
    request_hash    CHAR(64)     NOT NULL,
    state           VARCHAR(16)  NOT NULL,
    order_id        CHAR(36)     NULL,
    response_status INT          NULL,
    response_body   MEDIUMTEXT   NULL,
    created_at      TIMESTAMP(6) NOT NULL,
    updated_at      TIMESTAMP(6) NOT NULL,
    expires_at      TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_idempotency (client_id, operation, idem_key),
    KEY ix_idempotency_expires (expires_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
