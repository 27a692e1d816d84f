-- A thread's first page costs the same whatever the thread's size (and the database's).

-- Top-level comments in each order a page can ask for, only those a page shows: no sort, no
-- skipping over held or rejected ones.
DROP INDEX comments_roots_by_time;
CREATE INDEX comments_roots_oldest ON comments (article_id, created_at, id)
  WHERE parent_id IS NULL AND status IN ('published', 'deleted');
CREATE INDEX comments_roots_liked ON comments (article_id, likes DESC, created_at, id)
  WHERE parent_id IS NULL AND status IN ('published', 'deleted');

-- The replies of a page's threads (looked up by root and status, in time order).
DROP INDEX comments_by_root;
CREATE INDEX comments_replies ON comments (root_id, status, created_at);

-- Editors' picks of an article, without reading the rest of its thread.
DROP INDEX comments_featured_by_article;
CREATE INDEX comments_picks ON comments (article_id, status, created_at) WHERE featured = 1;

-- What the live stream asks each second: comments that became visible in a time window.
DROP INDEX comments_published_by_article;
CREATE INDEX comments_published_by_time ON comments (article_id, coalesce(moderated_at, created_at))
  WHERE status = 'published';

-- The number of published comments, kept on the article by the database itself so that every
-- way a status changes (posting, moderation, edits, deletions) counts. Comments are only ever
-- deleted together with their article, so deletions need no trigger.
ALTER TABLE articles ADD COLUMN comment_count INTEGER NOT NULL DEFAULT 0;
UPDATE articles SET comment_count =
  (SELECT count(*) FROM comments c WHERE c.article_id = articles.id AND c.status = 'published');
CREATE FUNCTION comments_count_published() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.status = 'published' THEN
      UPDATE articles SET comment_count = comment_count + 1 WHERE id = NEW.article_id;
    END IF;
  ELSIF (OLD.status = 'published') <> (NEW.status = 'published') THEN
    UPDATE articles SET comment_count = comment_count + CASE WHEN NEW.status = 'published' THEN 1 ELSE -1 END
    WHERE id = NEW.article_id;
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER comments_count AFTER INSERT OR UPDATE OF status ON comments
  FOR EACH ROW EXECUTE FUNCTION comments_count_published();
