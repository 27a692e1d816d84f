-- Pictures served by Pressroom: an article's lead image, fetched once from the partner, resized
-- and kept here so that every node serves the same bytes. A stored picture gets a new id each
-- time, so its addresses (/pictures/{id}/{width}.jpg) never change meaning and cache forever.

CREATE TABLE pictures (
  id         TEXT PRIMARY KEY,
  article_id TEXT NOT NULL UNIQUE REFERENCES articles (id) ON DELETE CASCADE,
  source_url TEXT NOT NULL,                   -- the feed's image address this was made from
  width      INTEGER NOT NULL,                -- of the largest rendition
  height     INTEGER NOT NULL,
  widths     TEXT NOT NULL,                   -- the renditions' widths, ascending: "320,640,960"
  caption    TEXT,
  credit     TEXT,
  fetched_at BIGINT NOT NULL
);

CREATE TABLE picture_renditions (
  picture_id   TEXT NOT NULL REFERENCES pictures (id) ON DELETE CASCADE,
  width        INTEGER NOT NULL,
  content_type TEXT NOT NULL,
  bytes        BLOB NOT NULL,
  PRIMARY KEY (picture_id, width)
);

-- An image address that could not be made into a picture, and when to try it again: a broken or
-- refused image is not fetched on every run.
CREATE TABLE picture_failures (
  source_url  TEXT PRIMARY KEY,
  attempts    INTEGER NOT NULL,
  last_error  TEXT NOT NULL,
  next_try_at BIGINT NOT NULL
);

-- The picture job's walk: published articles with an image, newest first.
CREATE INDEX articles_with_image ON articles (published_at, id)
  WHERE image_url IS NOT NULL AND status = 'published';
