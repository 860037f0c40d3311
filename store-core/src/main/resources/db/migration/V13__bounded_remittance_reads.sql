-- The COD remittance report and the tracking job's remittance pull ask "which delivered COD parcels have no
-- payout line yet?" in the database, page by page, instead of loading every row: these indexes answer it.
CREATE INDEX ix_remittance_shipment ON cod_remittance (shipment_id);
CREATE INDEX ix_shipment_settle ON shipment (provider_id, status, updated_at);
