-- Unsigned provider reports (confirmed by inquiry): at most one waiting per attempt, each further one is
-- counted on it instead of stored; the inquiry for the next one waits (backoff per attempt), and a
-- confirmation that got no answer is retried later and later.
ALTER TABLE provider_event
    ADD COLUMN confirm_after TIMESTAMP(6) NULL,
    ADD COLUMN confirm_tries INT          NOT NULL DEFAULT 0,
    ADD COLUMN coalesced     INT          NOT NULL DEFAULT 0;

CREATE INDEX ix_provider_event_attempt ON provider_event (attempt_id, confirm_by_inquiry, state);

