-- The product catalog and its stock on PostgreSQL, for polyglot.routing.catalog=postgres
-- (MongoDB is the default). A product is a JSONB document, the same fields the MongoDB
-- adapter keeps:
--   { sku, name, nameKey, description, category, priceCents, currency,
--     attributes: { author: "…", pages: 320 }, terms: [ "normalized", "words" ] }
-- and beside it the columns that orders change with a conditional UPDATE many times per
-- second (stock, received, sold) and the edit counter (version).

CREATE TABLE catalog_categories (
    code       text  PRIMARY KEY,
    name       text  NOT NULL,
    -- [{ "name", "type", "required", "values" }]: the category's attribute schema
    attributes jsonb NOT NULL
);

CREATE TABLE catalog_products (
    id       uuid   PRIMARY KEY,
    document jsonb  NOT NULL,
    stock    bigint NOT NULL CONSTRAINT catalog_products_stock_non_negative CHECK (stock >= 0),
    received bigint NOT NULL,
    sold     bigint NOT NULL DEFAULT 0 CONSTRAINT catalog_products_sold_non_negative CHECK (sold >= 0),
    version  bigint NOT NULL DEFAULT 0,
    CONSTRAINT catalog_products_is_document CHECK (jsonb_typeof(document) = 'object')
);

-- One GIN index answers containment on the whole document:
--   document @> '{"category": "book", "terms": ["dune"], "attributes": {"author": "Ada"}}'
-- so category, search words and attribute equality on any attribute of any category use
-- it, with no column or index per attribute.
CREATE INDEX catalog_products_document ON catalog_products USING gin (document jsonb_path_ops);

-- Expression indexes: SKU uniqueness inside the document, and keyset paging for each
-- sort, within a category and across all products. nameKey is compared byte-wise
-- (COLLATE "C"), the order MongoDB sorts strings in.
CREATE UNIQUE INDEX catalog_products_sku ON catalog_products ((document ->> 'sku'));
CREATE INDEX catalog_products_category_name
    ON catalog_products ((document ->> 'category'), ((document ->> 'nameKey') COLLATE "C"), id);
CREATE INDEX catalog_products_category_price
    ON catalog_products ((document ->> 'category'), ((document ->> 'priceCents')::bigint), id);
CREATE INDEX catalog_products_name ON catalog_products (((document ->> 'nameKey') COLLATE "C"), id);
CREATE INDEX catalog_products_price ON catalog_products (((document ->> 'priceCents')::bigint), id);

-- One row per open order holding units of a product: the per-order idempotency the
-- MongoDB document's holds array gives, with a primary key instead of an array condition.
-- The foreign key makes deleting a product with holds fail, even against a reservation
-- committed a moment before.
CREATE TABLE catalog_stock_holds (
    product_id uuid    NOT NULL CONSTRAINT catalog_stock_holds_product_fkey
                       REFERENCES catalog_products (id),
    order_id   uuid    NOT NULL,
    quantity   integer NOT NULL CONSTRAINT catalog_stock_holds_quantity_positive CHECK (quantity > 0),
    PRIMARY KEY (product_id, order_id)
);
