-- Listings at any size. Which version of a story readers see in listings is decided when
-- articles are written (articles.StoryLeads), not re-derived per row on every read: `listed` is 1
-- for the one published version of each story whose time has come, chosen by its partner's
-- priority, then the earliest, then the id. Embargoed articles wait with `embargo_pending` = 1
-- until licence maintenance lists them. Author and tag links carry the article's time and
-- `listed`, so their listings read one index in order, however many articles there are.

UPDATE articles SET story_id = id WHERE story_id IS NULL;

ALTER TABLE articles ADD COLUMN listed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE articles ADD COLUMN embargo_pending INTEGER NOT NULL DEFAULT 0;
ALTER TABLE article_authors ADD COLUMN published_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE article_authors ADD COLUMN listed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE article_tags ADD COLUMN published_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE article_tags ADD COLUMN listed INTEGER NOT NULL DEFAULT 0;

UPDATE articles SET listed = 1 WHERE id IN (
  SELECT id FROM (
    SELECT a.id, ROW_NUMBER() OVER (
        PARTITION BY a.story_id
        ORDER BY coalesce(src.priority, 0) DESC, a.published_at, a.id) AS rn
    FROM articles a LEFT JOIN sources src ON src.id = a.source_id
    WHERE a.status = 'published' AND a.published_at <= (extract(epoch FROM now()) * 1000)::bigint
  ) ranked WHERE rn = 1);
UPDATE articles SET embargo_pending = 1
  WHERE status = 'published' AND published_at > (extract(epoch FROM now()) * 1000)::bigint;

UPDATE article_authors SET (published_at, listed) =
  (SELECT a.published_at, a.listed FROM articles a WHERE a.id = article_authors.article_id);
UPDATE article_tags SET (published_at, listed) =
  (SELECT a.published_at, a.listed FROM articles a WHERE a.id = article_tags.article_id);

-- One index per listing, in the listing's order, holding only what listings show. Sitemaps
-- and the first article's time read articles_listed too, so (status, published_at) and
-- (section_id, status, published_at) go: an import writes as many index entries as before.
DROP INDEX articles_by_status_time;
DROP INDEX articles_by_section;
CREATE INDEX articles_listed ON articles (published_at, id) WHERE listed = 1;
CREATE INDEX articles_listed_by_section ON articles (section_id, published_at, id) WHERE listed = 1;
CREATE INDEX articles_embargo_pending ON articles (published_at) WHERE embargo_pending = 1;
DROP INDEX article_authors_by_author;
CREATE INDEX article_authors_listed ON article_authors (author_id, published_at, article_id) WHERE listed = 1;
DROP INDEX article_tags_by_tag;
CREATE INDEX article_tags_listed ON article_tags (tag_id, published_at, article_id) WHERE listed = 1;

-- The reading list pages by (saved time, article): the index carries the tie-break too.
DROP INDEX bookmarks_by_account_time;
CREATE INDEX bookmarks_by_account_time ON bookmarks (account_id, created_at, article_id);
