-- Refunds that settle (issue 11).
-- The instrument each attempt was paid with (WALLET, CARD, VOUCHER, ANY), so a refund goes to the gateway's
-- refund API for that instrument; NULL for attempts made before it was recorded.
ALTER TABLE payment_attempt ADD COLUMN method VARCHAR(8) NULL;

-- A refund left PENDING or UNKNOWN is asked about by the reconciler (with back-off: next_check_at, checks);
-- one the gateway cannot make or be asked about waits for staff (status AWAITING_STAFF). An admin's
-- resolution is audited: who, when, why.
ALTER TABLE refund
    ADD COLUMN next_check_at   TIMESTAMP(6) NULL,
    ADD COLUMN checks          INT          NOT NULL DEFAULT 0,
    ADD COLUMN resolved_by     VARCHAR(100) NULL,
    ADD COLUMN resolved_at     TIMESTAMP(6) NULL,
    ADD COLUMN resolution_note VARCHAR(300) NULL;

CREATE INDEX ix_refund_due ON refund (status, next_check_at);
