-- Customers and their wallet accounts. PostgreSQL is their system of record because a
-- registration must be atomic (customer and account together) and uniqueness must hold
-- under concurrent requests, which only the database can guarantee.

CREATE TABLE customers (
    -- Issued by the domain (CustomerId.random()), not by a sequence: the id is known
    -- before the insert and keys the customer in every other store.
    id            uuid         PRIMARY KEY,
    -- Kept as typed, so the customer sees their own spelling; uniqueness is decided on
    -- lower(...) by the indexes below.
    username      varchar(32)  NOT NULL,
    email         varchar(254) NOT NULL,
    password_hash varchar(255) NOT NULL,
    -- Comma-separated role names ('CUSTOMER,ADMIN'): a customer has one or two roles and
    -- they are only ever read with the customer, so a join table would buy nothing. The
    -- CHECK guards the format, not the role names, so a new role needs no migration.
    roles         varchar(64)  NOT NULL
                  CONSTRAINT customers_roles_format CHECK (roles ~ '^([A-Z_]+(,[A-Z_]+)*)?$'),
    created_at    timestamptz  NOT NULL
);

-- Case-insensitive uniqueness as UNIQUE indexes on lower(...). A check-then-insert in
-- Java would let two concurrent registrations both pass the check; with the index the
-- second insert fails with SQLSTATE 23505, and the adapter tells username from e-mail by
-- these index names (so they are spelled out, never generated). lower() gives the same
-- result as Username/Email.normalized() because both only admit ASCII characters.
-- customers_username_key also serves the case-insensitive lookup by username.
CREATE UNIQUE INDEX customers_username_key ON customers (lower(username));
CREATE UNIQUE INDEX customers_email_key ON customers (lower(email));

CREATE TABLE accounts (
    id          uuid          PRIMARY KEY,
    -- One wallet account per customer. No ON DELETE CASCADE: money must never vanish
    -- together with a customer row.
    customer_id uuid          NOT NULL
                CONSTRAINT accounts_customer_id_key UNIQUE
                CONSTRAINT accounts_customer_id_fkey REFERENCES customers (id),
    -- Exact decimal, never float. The CHECK is the last line of defence against
    -- overdrafts: even a buggy or concurrent debit cannot commit a negative balance.
    balance     numeric(19,2) NOT NULL DEFAULT 0
                CONSTRAINT accounts_balance_non_negative CHECK (balance >= 0),
    -- ISO-4217 code, the same rule as the domain's Money.
    currency    char(3)       NOT NULL
                CONSTRAINT accounts_currency_format CHECK (currency ~ '^[A-Z]{3}$'),
    created_at  timestamptz   NOT NULL
);
