-- Every statement that appends to the change log wakes the other nodes at commit (LISTEN/NOTIFY):
-- they read the log at once instead of at their next poll. One notice per statement; PostgreSQL
-- folds identical ones within a transaction. The poll stays as the safety net.
CREATE FUNCTION notify_content_changes() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('pressroom_changes', '');
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER content_changes_notify
  AFTER INSERT ON content_changes
  FOR EACH STATEMENT EXECUTE FUNCTION notify_content_changes();
