-- Progress of moves of a concern's data between stores (MoveCatalog, MoveSocialGraph): one
-- row per move, replaced after every page copied, so a crashed move resumes after the last
-- finished page.

CREATE TABLE concern_moves (
    move       text        PRIMARY KEY,
    stage      text        NOT NULL,
    position   text,
    copied     bigint      NOT NULL CONSTRAINT concern_moves_copied_non_negative CHECK (copied >= 0),
    finished   boolean     NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);
