-- Bank transfers confirmed by staff or matched from an uploaded statement. One bank transaction settles at
-- most one order: its reference is unique, so a statement uploaded twice confirms nothing twice.
CREATE TABLE bank_transfer (
    id              CHAR(36)     NOT NULL,
    bank_reference  VARCHAR(100) NOT NULL,
    order_id        CHAR(36)     NOT NULL,
    attempt_id      VARCHAR(20)  NOT NULL,
    amount_minor    BIGINT       NOT NULL,
    currency        CHAR(3)      NOT NULL,
    source          VARCHAR(16)  NOT NULL,
    confirmed_by    VARCHAR(120) NOT NULL,
    confirmed_at    TIMESTAMP(6) NOT NULL,
    note            VARCHAR(300) NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_bank_transfer_reference (bank_reference),
    KEY ix_bank_transfer_order (order_id),
    CONSTRAINT fk_bank_transfer_order FOREIGN KEY (order_id) REFERENCES customer_order (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
