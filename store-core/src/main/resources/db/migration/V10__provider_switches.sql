-- Providers an operator switched off (or on again): kept across restarts, with who did it and when.
CREATE TABLE provider_switch (
    provider_id  VARCHAR(40)  NOT NULL,
    enabled      BOOLEAN      NOT NULL,
    changed_by   VARCHAR(120) NOT NULL,
    changed_at   TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (provider_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
