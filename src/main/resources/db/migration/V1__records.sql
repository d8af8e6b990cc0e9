-- Every local write takes the next number of this one sequence, so "changed since X" is a single comparison.
CREATE SEQUENCE rev_seq AS BIGINT START WITH 1;

-- One row per record of any type. Field values live in one JSON text so the sync engine can stay generic;
-- title and search_text are derived from them on every write, for sorting and search without parsing JSON.
CREATE CACHED TABLE record (
    id          VARCHAR(36)     NOT NULL PRIMARY KEY,
    type        VARCHAR(16)     NOT NULL,
    rev         BIGINT          NOT NULL,
    deleted     BOOLEAN         DEFAULT FALSE NOT NULL,
    title       VARCHAR(400)    NOT NULL,
    search_text VARCHAR(8000)   NOT NULL,
    fields      VARCHAR(2000000) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    modified_at TIMESTAMP WITH TIME ZONE NOT NULL
);
-- No index on type: with six values it only slows inserts; lists by type go through the search index.
CREATE INDEX record_by_rev ON record (rev);

-- Per sync pair and record: what the other side knows of it. The sync engine fills it; here it decides
-- which local changes are still waiting to be sent and whether a deleted record may still be restored.
CREATE CACHED TABLE link (
    pair           VARCHAR(16)  NOT NULL,
    record_id      VARCHAR(36)  NOT NULL,
    remote_id      VARCHAR(200) NOT NULL,
    remote_version VARCHAR(200),
    synced_rev     BIGINT       NOT NULL,
    base           VARCHAR(2000000),
    type           VARCHAR(16)  DEFAULT '' NOT NULL,
    PRIMARY KEY (pair, record_id),
    CONSTRAINT link_record FOREIGN KEY (record_id) REFERENCES record (id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX link_by_remote ON link (pair, remote_id);
-- type is the record's type, copied so a pair's links of one type are found without a join; no index
-- on it: a third index made every link insert of a first sync markedly slower, and only rare
-- operations (a re-list, the mass-delete guard) read links by type.
