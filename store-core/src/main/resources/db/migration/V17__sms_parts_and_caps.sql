-- SMS as the gateway bills it: the encoding chosen (GSM-7, or UCS-2 for Urdu), the parts, and what they cost at
-- tijarat.sms.price-per-part-paisa. The relay counts a day's SMS per phone and per shop (the caps) by sent_at.
ALTER TABLE outbox_message ADD COLUMN sms_encoding VARCHAR(8) NULL;
ALTER TABLE outbox_message ADD COLUMN sms_parts INT NULL;
ALTER TABLE outbox_message ADD COLUMN cost_minor BIGINT NULL;
CREATE INDEX ix_outbox_sms_sent ON outbox_message (channel, sent_at);
CREATE INDEX ix_outbox_recipient_sent ON outbox_message (recipient, sent_at);

-- Delivery reports, where the gateway gives them (DELIVERY_REPORTS): PENDING, DELIVERED or FAILED, asked again with
-- back-off until final or three days after sending.
ALTER TABLE outbox_message ADD COLUMN delivery_status VARCHAR(12) NULL;
ALTER TABLE outbox_message ADD COLUMN delivered_at TIMESTAMP(6) NULL;
ALTER TABLE outbox_message ADD COLUMN next_report_at TIMESTAMP(6) NULL;
ALTER TABLE outbox_message ADD COLUMN report_checks INT NOT NULL DEFAULT 0;
CREATE INDEX ix_outbox_report_due ON outbox_message (state, next_report_at);
