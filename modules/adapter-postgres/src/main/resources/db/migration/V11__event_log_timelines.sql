-- GET /me/activity reads one owner's events across all their streams (customer, account,
-- orders), newest first within a time range, keyset on (time, id): this index serves that
-- read directly. Streams nobody owns (products) stay out of it.
CREATE INDEX event_log_owner_timeline ON event_log (owner_id, occurred_at DESC, event_id DESC)
    WHERE owner_id IS NOT NULL;
