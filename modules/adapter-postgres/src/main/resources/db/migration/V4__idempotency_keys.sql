-- Idempotency keys: the first successful response to a keyed request, stored in the same
-- transaction as the change it reports, so a retry gets that response instead of a second
-- change.

CREATE TABLE idempotency_keys (
    -- Keys are scoped to the customer who sent them.
    customer_id  uuid         NOT NULL,
    key          varchar(255) NOT NULL,
    -- SHA-256 of the operation and the request body: the same key with another request is
    -- refused.
    fingerprint  char(64)     NOT NULL,
    -- Null while the request is in flight.
    status       smallint,
    body         text,
    created_at   timestamptz  NOT NULL,
    expires_at   timestamptz  NOT NULL,
    PRIMARY KEY (customer_id, key),
    CONSTRAINT idempotency_keys_response CHECK ((status IS NULL) = (body IS NULL))
);

-- Serves the purge of expired keys.
CREATE INDEX idempotency_keys_expires_at ON idempotency_keys (expires_at);
