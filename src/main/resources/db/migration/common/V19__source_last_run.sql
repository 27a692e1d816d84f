-- What the last fetch of a source that worked did (new, updated, withdrawn, unchanged and skipped
-- items, the first reasons for skipping), as JSON, for the staff's list of sources.
ALTER TABLE sources ADD COLUMN last_run TEXT;
