-- The social graph on PostgreSQL, for polyglot.routing.social-graph=postgres (Neo4j is the
-- default). A friendship is stored in both directions, so "friends of X" is one index range
-- scan whichever side X was on, and traversals (suggestions, paths) join the same table.

CREATE TABLE social_people (
    id       uuid PRIMARY KEY,
    username text NOT NULL
);

CREATE TABLE social_friendships (
    person_id uuid NOT NULL CONSTRAINT social_friendships_person_fkey REFERENCES social_people (id),
    friend_id uuid NOT NULL CONSTRAINT social_friendships_friend_fkey REFERENCES social_people (id),
    PRIMARY KEY (person_id, friend_id),
    CONSTRAINT social_friendships_not_self CHECK (person_id <> friend_id)
);

-- The reverse direction's key, for the foreign key and for removing a person's edges.
CREATE INDEX social_friendships_friend ON social_friendships (friend_id, person_id);
