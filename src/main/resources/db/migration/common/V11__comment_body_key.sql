-- A digest of each comment's normalized text, so the duplicate check compares 50 short keys in
-- the database instead of reading and normalizing 50 whole comments on every post. Older rows
-- have none and are compared the old way until they are a day old.
ALTER TABLE comments ADD COLUMN body_key TEXT;
