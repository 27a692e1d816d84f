-- The first page of a big thread reads 50 top-level comments in order, not the whole thread.
CREATE INDEX comments_roots_by_time ON comments (article_id, created_at) WHERE parent_id IS NULL;
CREATE INDEX comments_published_by_article ON comments (article_id) WHERE status = 'published';
CREATE INDEX comments_featured_by_article ON comments (article_id) WHERE featured = 1;
