-- The event log on PostgreSQL, for polyglot.routing.event-log=postgres (Cassandra is the
-- default). Append-only: rows are inserted, never updated; reads take one stream newest
-- first within a time range.

CREATE TABLE event_log (
    stream      text        NOT NULL,
    occurred_at timestamptz NOT NULL,
    event_id    uuid        NOT NULL,
    type        text        NOT NULL,
    owner_id    uuid,
    payload     jsonb       NOT NULL,
    -- the read path: one stream, a time range, newest first, keyset on (time, id)
    PRIMARY KEY (stream, occurred_at, event_id)
);

-- Idempotent appends by event id alone (a redelivered event has the same id and time).
CREATE UNIQUE INDEX event_log_event_id ON event_log (event_id);

-- Rows arrive in time order, so a BRIN index on time is a few pages for the whole table
-- and serves time-window scans across streams (retention, exports).
CREATE INDEX event_log_occurred_at_brin ON event_log USING brin (occurred_at);

-- Who may read a stream, without scanning its events (the StreamOwners port).
CREATE TABLE event_streams (
    stream   text PRIMARY KEY,
    owner_id uuid
);
