-- Catalog: products and their sellable variants. Money is stored in minor units (paisa) with its currency.
CREATE TABLE product (
    id          CHAR(36)     NOT NULL,
    slug        VARCHAR(120) NOT NULL,
    title       VARCHAR(200) NOT NULL,
    description TEXT         NULL,
    active      BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at  TIMESTAMP(6) NOT NULL,
    updated_at  TIMESTAMP(6) NOT NULL,
    version     BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE KEY uk_product_slug (slug)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE product_variant (
    id            CHAR(36)     NOT NULL,
    product_id    CHAR(36)     NOT NULL,
    sku           VARCHAR(64)  NOT NULL,
    title         VARCHAR(200) NOT NULL,
    attributes    VARCHAR(1000) NOT NULL DEFAULT '{}',
    price_minor   BIGINT       NOT NULL,
    currency      CHAR(3)      NOT NULL,
    weight_grams  INT          NOT NULL,
    stock         INT          NOT NULL,
    version       BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE KEY uk_variant_sku (sku),
    KEY ix_variant_product (product_id),
    CONSTRAINT fk_variant_product FOREIGN KEY (product_id) REFERENCES product (id),
    CONSTRAINT ck_variant_price CHECK (price_minor >= 0),
    CONSTRAINT ck_variant_weight CHECK (weight_grams >= 0),
    CONSTRAINT ck_variant_stock CHECK (stock >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
