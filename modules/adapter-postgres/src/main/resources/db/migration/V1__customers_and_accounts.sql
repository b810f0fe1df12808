-- Customers and their wallet accounts: the system of record for who may log in and for money.

CREATE TABLE customers (
    id            uuid         PRIMARY KEY,
    username      varchar(32)  NOT NULL,
    email         varchar(254) NOT NULL,
    password_hash varchar(255) NOT NULL,
    -- comma-separated Role names; a customer has one or two roles, never queried by role
    roles         varchar(64)  NOT NULL,
    created_at    timestamptz  NOT NULL
);

-- Uniqueness is case-insensitive: "Ada" and "ada" are the same login and the same mailbox.
-- The constraint names are what the adapter reports as "username is taken" / "email is taken".
CREATE UNIQUE INDEX customers_username_key ON customers (lower(username));
CREATE UNIQUE INDEX customers_email_key ON customers (lower(email));

CREATE TABLE accounts (
    id          uuid          PRIMARY KEY,
    -- one wallet per customer, created in the same transaction as the customer
    customer_id uuid          NOT NULL UNIQUE REFERENCES customers (id),
    -- exact decimals; the database itself refuses a negative balance, whatever the code does
    balance     numeric(19,2) NOT NULL DEFAULT 0 CONSTRAINT accounts_balance_non_negative CHECK (balance >= 0),
    currency    char(3)       NOT NULL,
    created_at  timestamptz   NOT NULL
);
