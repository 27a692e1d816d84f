-- A thread's first page costs the same whatever the thread's size (and the database's).

-- Top-level comments in each order a page can ask for, only those a page shows: no sort, no
-- skipping over held or rejected ones.
DROP INDEX comments_roots_by_time;
CREATE INDEX comments_roots_oldest ON comments (article_id, created_at, id)
  WHERE parent_id IS NULL AND status IN ('published', 'deleted');
CREATE INDEX comments_roots_liked ON comments (article_id, likes DESC, created_at, id)
  WHERE parent_id IS NULL AND status IN ('published', 'deleted');

-- The replies of a page's threads: without status here, a list of roots made the planner walk
-- every published comment of the site instead.
DROP INDEX comments_by_root;
CREATE INDEX comments_replies ON comments (root_id, status, created_at);

-- Editors' picks: the old partial index lost to comments_by_article, which reads the whole thread.
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
CREATE TRIGGER comments_count_insert AFTER INSERT ON comments WHEN NEW.status = 'published'
BEGIN
  UPDATE articles SET comment_count = comment_count + 1 WHERE id = NEW.article_id;
END;
CREATE TRIGGER comments_count_update AFTER UPDATE OF status ON comments
  WHEN (OLD.status = 'published') <> (NEW.status = 'published')
BEGIN
  UPDATE articles SET comment_count = comment_count + CASE WHEN NEW.status = 'published' THEN 1 ELSE -1 END
  WHERE id = NEW.article_id;
END;
