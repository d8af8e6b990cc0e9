-- Per pair and record: whether the other side's copy was released, i.e. no longer carries the pair's sharing
-- marker (Outlook: the category "Shared with CRM"). Untracking a record pauses its link at once; the next sync
-- takes the marker off the copy there (nothing is deleted) and sets this. Tracking it again leaves it set until
-- a sync puts the marker back. A row with released = TRUE is kept even when nothing else in it says anything.
ALTER TABLE pair_scope ADD COLUMN released BOOLEAN DEFAULT FALSE NOT NULL;
