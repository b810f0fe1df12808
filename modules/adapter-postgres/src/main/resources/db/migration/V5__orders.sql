-- Orders and their lines. The stock an order holds lives in the catalog (MongoDB); the
-- order, its money and its status live here, changed together with the wallet in one
-- transaction.

CREATE TABLE orders (
    id          uuid          PRIMARY KEY,
    customer_id uuid          NOT NULL CONSTRAINT orders_customer_fkey REFERENCES customers (id),
    status      varchar(16)   NOT NULL
                CONSTRAINT orders_status CHECK (status IN ('PENDING', 'PAID', 'SHIPPED', 'CANCELLED')),
    total       numeric(19,2) NOT NULL CONSTRAINT orders_total_non_negative CHECK (total >= 0),
    currency    char(3)       NOT NULL,
    created_at  timestamptz   NOT NULL,
    updated_at  timestamptz   NOT NULL
);

-- Serves GET /orders: one customer's orders, newest first, keyset-paged by
-- (created_at, id).
CREATE INDEX orders_customer_created ON orders (customer_id, created_at DESC, id DESC);

CREATE TABLE order_lines (
    order_id   uuid          NOT NULL CONSTRAINT order_lines_order_fkey REFERENCES orders (id),
    line_no    smallint      NOT NULL,
    product_id uuid          NOT NULL,
    -- Copied from the catalog when the order is placed: later price or name changes do
    -- not rewrite the order (a deliberate denormalization).
    name       varchar(200)  NOT NULL,
    unit_price numeric(19,2) NOT NULL CONSTRAINT order_lines_unit_price_non_negative CHECK (unit_price >= 0),
    quantity   integer       NOT NULL CONSTRAINT order_lines_quantity_positive CHECK (quantity > 0),
    PRIMARY KEY (order_id, line_no),
    CONSTRAINT order_lines_product_once UNIQUE (order_id, product_id)
);

-- Serves reconciliation: units per product of live and shipped orders.
CREATE INDEX order_lines_product ON order_lines (product_id);
