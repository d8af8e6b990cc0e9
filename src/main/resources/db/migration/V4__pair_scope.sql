-- Per pair and record, what decides whether the pair sends the record, beyond its link:
--   tracked     the user's choice (Track / Stop tracking); NULL = the pair's default, which is "tracked"
--   over_limit  the pair's limit of records kept there (Outlook: 5,000 contacts, tasks and appointments)
--               left it out at the last run; it is listed, never deleted anywhere
--   paused_link the limit marked the record's link out of scope, so releasing it resumes the link
-- A row exists only while one of them says something: a store with no choices and no limit has none,
-- and the local-changes scan pays one index probe per candidate record.
CREATE CACHED TABLE pair_scope (
    record_id   VARCHAR(36) NOT NULL,
    pair        VARCHAR(16) NOT NULL,
    type        VARCHAR(16) NOT NULL,
    tracked     BOOLEAN,
    over_limit  BOOLEAN DEFAULT FALSE NOT NULL,
    paused_link BOOLEAN DEFAULT FALSE NOT NULL,
    PRIMARY KEY (record_id, pair)
);

-- Per pair with a limit: when its ranking was last worked out, so a run re-ranks only when something can
-- have changed it (new records, a track, another limit, an hour gone by) instead of reading every record.
CREATE CACHED TABLE push_limit_mark (
    pair         VARCHAR(16)   NOT NULL PRIMARY KEY,
    ranked_rev   BIGINT        NOT NULL,
    record_limit INT           NOT NULL,
    ranked_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    over_limit   VARCHAR(400)  NOT NULL
);
