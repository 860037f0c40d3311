-- The shipping contract a real courier needs (SPI 1.3).

-- Cash on delivery is collected in whole rupees: a COD order's total is rounded down to whole rupees at checkout
-- (never up: the customer never pays more than the sum of the prices), and the rounding is shown as its own line.
ALTER TABLE customer_order ADD COLUMN rounding_minor BIGINT NOT NULL DEFAULT 0;
ALTER TABLE customer_order DROP CONSTRAINT ck_order_amounts;
ALTER TABLE customer_order ADD CONSTRAINT ck_order_amounts CHECK (subtotal_minor >= 0 AND shipping_minor >= 0
    AND tax_minor >= 0 AND rounding_minor <= 0 AND rounding_minor > -1000
    AND total_minor = subtotal_minor + shipping_minor + tax_minor + rounding_minor
    AND refunded_minor >= 0 AND refunded_minor <= total_minor);
-- Where the shipping charge came from: COURIER (asked now or within the quote's validity), LAST_KNOWN (the courier
-- could not be asked: its last answer for the same route, weight slab, service and payment kind) or FALLBACK (no
-- answer ever: the configured fallback rate). Staff see it on the order.
ALTER TABLE customer_order ADD COLUMN shipping_quote_basis VARCHAR(16) NOT NULL DEFAULT 'COURIER';

-- The booking's reference at the courier (printed on the slip, unique per booking: the order number, suffixed -2,
-- -3 for a later booking of the same order), the courier's last reported status, and when a booking in doubt was
-- last looked up.
ALTER TABLE shipment ADD COLUMN reference VARCHAR(64) NULL;
ALTER TABLE shipment ADD COLUMN courier_status VARCHAR(20) NULL;
ALTER TABLE shipment ADD COLUMN reverse_pickup BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX ix_shipment_unknown ON shipment (status, updated_at);

-- Labels the courier hands over as documents (PostEx's airway bill PDF; TCS's label link carries the access token,
-- so the plugin downloads it): kept, so staff can print them again without asking the courier.
CREATE TABLE shipment_label (
    shipment_id VARCHAR(20)  NOT NULL,
    media_type  VARCHAR(100) NOT NULL,
    content     MEDIUMBLOB   NOT NULL,
    created_at  TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (shipment_id),
    CONSTRAINT fk_label_shipment FOREIGN KEY (shipment_id) REFERENCES shipment (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The last rate each courier gave per (route, weight slab, service, COD or prepaid): what checkout offers when
-- the courier cannot be asked. One row per key, overwritten by each fresh answer.
CREATE TABLE shipping_rate (
    provider_id   VARCHAR(40)  NOT NULL,
    rate_key      VARCHAR(190) NOT NULL,
    service_code  VARCHAR(40)  NOT NULL,
    service_name  VARCHAR(100) NOT NULL,
    charge_minor  BIGINT       NOT NULL,
    currency      CHAR(3)      NOT NULL,
    transit_hours BIGINT       NULL,
    quoted_at     TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (provider_id, rate_key, service_code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- How far each courier's COD payout reports have been read (by date): the next pull starts a few days before.
CREATE TABLE remittance_pull (
    provider_id    VARCHAR(40) NOT NULL,
    pulled_through DATE        NOT NULL,
    PRIMARY KEY (provider_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
