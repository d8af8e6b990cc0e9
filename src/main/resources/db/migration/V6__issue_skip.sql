-- A sync issue the user skipped: the record's change is not sent while its rev is at most skipped_rev (a later
-- edit is a new change and is sent), and the issue stays listed, so nothing the user kept here goes unseen.
-- IF NOT EXISTS: a profile whose schema_version was rolled back re-applies it (see SchemaUpgradeTest).
ALTER TABLE sync_issue ADD COLUMN IF NOT EXISTS skipped_rev BIGINT;
