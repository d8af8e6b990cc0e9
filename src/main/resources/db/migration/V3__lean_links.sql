-- A first sync writes one link per record, and each link index costs about as much as the row itself.
-- The foreign key to record added a third index (on record_id) and a lookup of the record per insert;
-- records are never removed while a link names them (a tombstone is purged only once unlinked), so the
-- key guarded nothing the code does not already. The primary key now leads with record_id, so it also
-- answers "is this record linked by any pair" without that extra index.
ALTER TABLE link DROP CONSTRAINT link_record;
ALTER TABLE link DROP PRIMARY KEY;
ALTER TABLE link ADD PRIMARY KEY (record_id, pair);
