-- Sessions and login failure counters on PostgreSQL, for polyglot.routing.sessions=postgres
-- (Redis is the default). Both tables are written on every request or failed login and
-- read by exact key only; expired rows are purged in small batches by the adapter.

CREATE TABLE sessions (
    -- the SHA-256 of the bearer token, never the token itself
    token_hash      text        PRIMARY KEY,
    customer_id     uuid        NOT NULL,
    last_seen_at    timestamptz NOT NULL,
    absolute_expiry timestamptz NOT NULL,
    -- least(last use + idle timeout, absolute expiry): the one column every read checks
    expires_at      timestamptz NOT NULL,
    -- the session exactly as the domain wrote it (its instants keep their nanoseconds,
    -- which timestamptz would round to microseconds)
    session         jsonb       NOT NULL,
    CONSTRAINT sessions_expiry_within_lifetime CHECK (expires_at <= absolute_expiry)
);

-- Serves listing and revoking a customer's sessions, most recently used first.
CREATE INDEX sessions_customer_seen ON sessions (customer_id, last_seen_at DESC);

-- Serves the purge of expired rows.
CREATE INDEX sessions_expires_at ON sessions (expires_at);

CREATE TABLE login_failures (
    -- the SHA-256 of the throttled key (a username, a client address), so any input has
    -- the same harmless shape
    key_hash    bytea       PRIMARY KEY,
    failures    integer     NOT NULL CONSTRAINT login_failures_positive CHECK (failures > 0),
    window_ends timestamptz NOT NULL
);

CREATE INDEX login_failures_window_ends ON login_failures (window_ends);

-- Blocks set on a key (a username at an address after repeated failures), lifted at
-- blocked_until; a longer block already set stays.
CREATE TABLE login_blocks (
    key_hash      bytea       PRIMARY KEY,
    blocked_until timestamptz NOT NULL
);

CREATE INDEX login_blocks_blocked_until ON login_blocks (blocked_until);
