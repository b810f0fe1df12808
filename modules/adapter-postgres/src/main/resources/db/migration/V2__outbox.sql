-- Transactional outbox. A business change and the events it causes commit together in
-- one PostgreSQL transaction; the relay delivers the events to their consumers (the
-- Cassandra event log, the Neo4j projection) afterwards, at least once.

CREATE TABLE outbox (
    -- Insertion order, used to deliver oldest first; the event id is the identity
    -- consumers deduplicate on.
    position    bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id    uuid         NOT NULL CONSTRAINT outbox_event_id_key UNIQUE,
    stream      varchar(64)  NOT NULL,
    type        varchar(64)  NOT NULL,
    -- The customer who may read the stream; null for administrator-only streams.
    owner_id    uuid,
    occurred_at timestamptz  NOT NULL,
    -- Flat text fields only (the domain's payload is Map<String, String>).
    payload     jsonb        NOT NULL
);

-- One row per event and consumer, so a consumer whose store is down is retried with its
-- own backoff while the others keep receiving: "nothing lost" and "the rest keeps
-- serving" at once.
CREATE TABLE outbox_delivery (
    position        bigint       NOT NULL
                    CONSTRAINT outbox_delivery_position_fkey REFERENCES outbox (position) ON DELETE CASCADE,
    consumer        varchar(32)  NOT NULL,
    attempts        integer      NOT NULL DEFAULT 0,
    next_attempt_at timestamptz  NOT NULL,
    delivered_at    timestamptz,
    last_error      varchar(500),
    PRIMARY KEY (position, consumer)
);

-- The relay's claim query: undelivered rows of one consumer that are due, oldest first.
-- Partial, so delivered rows (the vast majority) cost the index nothing.
CREATE INDEX outbox_delivery_pending ON outbox_delivery (consumer, position)
    WHERE delivered_at IS NULL;

-- Pruning walks old events by time.
CREATE INDEX outbox_occurred_at ON outbox (occurred_at);
