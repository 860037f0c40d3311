-- Secrets and tokens at rest.
--
-- 1. Merchant webhook secrets are stored encrypted (AES-256-GCM, io.tijarat.core.crypto.SecretBox) with the id
--    of the key that sealed them, and can be rotated: the previous secret is kept, encrypted, until its grace
--    period ends. SQL cannot encrypt with a key only the application holds, so the plain-text `secret` column
--    becomes nullable and the application encrypts every remaining plain-text secret at start-up (and empties
--    the column), before it serves a request (io.tijarat.core.webhook.WebhookSecretsAtRest).
ALTER TABLE webhook_endpoint
    MODIFY secret VARCHAR(64) NULL,
    ADD COLUMN secret_ciphertext          VARCHAR(255) NULL,
    ADD COLUMN secret_key_id              VARCHAR(32)  NULL,
    ADD COLUMN previous_secret_ciphertext VARCHAR(255) NULL,
    ADD COLUMN previous_secret_key_id     VARCHAR(32)  NULL,
    ADD COLUMN previous_secret_expires_at TIMESTAMP(6) NULL;

-- 2. Idempotency keys (and client ids) are compared byte for byte: `Key-a` and `key-A` are two requests.
ALTER TABLE idempotency_record
    MODIFY client_id VARCHAR(64)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    MODIFY idem_key  VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;

-- 3. A replayed checkout answer carries a fresh access token (the stored answer has none); its SHA-256 hash is
--    kept here beside the order's own, so every token a client was given keeps opening the order.
CREATE TABLE order_access_token (
    token_hash CHAR(64)     NOT NULL,
    order_id   CHAR(36)     NOT NULL,
    created_at TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (token_hash),
    KEY ix_order_access_token_order (order_id, created_at),
    CONSTRAINT fk_order_access_token_order FOREIGN KEY (order_id) REFERENCES customer_order (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
