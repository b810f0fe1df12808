-- Lease-based claims (issue #15). A relay claims a batch in a short transaction of its own
-- that writes its claim id into `lease` and pushes next_attempt_at to the end of the lease,
-- then commits: no row lock is held while the batch travels to Cassandra or Neo4j. A
-- second short statement marks the rows delivered (or failed, with backoff) only where
-- `lease` is still its claim id. The lease end is next_attempt_at itself, so an expired
-- lease (a relay that crashed after claiming) is simply "due again" to the claim query and
-- its index, with no extra predicate; the claim that takes the rows over writes its own id,
-- and the crashed relay's late mark, if it ever comes, then matches nothing.
ALTER TABLE outbox_delivery ADD COLUMN lease uuid;

-- Room on each page for the claim's update (lease and next_attempt_at are in no index), so
-- it can stay on the page (HOT) instead of adding index entries for every claimed row.
ALTER TABLE outbox_delivery SET (fillfactor = 80);
