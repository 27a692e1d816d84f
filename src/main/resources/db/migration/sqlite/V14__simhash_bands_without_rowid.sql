-- The bands table is only ever read through its primary key: stored as that key (WITHOUT ROWID)
-- an article's seven band rows are seven B-tree inserts fewer, which the bulk import feels.
CREATE TABLE simhash_bands_new (
  band         BIGINT NOT NULL,        -- band number * 65536 + the band's bits
  published_at BIGINT NOT NULL,
  article_id   TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  source_id    TEXT NOT NULL,
  simhash      BIGINT NOT NULL,
  story_id     TEXT NOT NULL,
  PRIMARY KEY (band, source_id, published_at, article_id)
) WITHOUT ROWID;
INSERT INTO simhash_bands_new (band, published_at, article_id, source_id, simhash, story_id)
  SELECT band, published_at, article_id, source_id, simhash, story_id FROM simhash_bands;
DROP TABLE simhash_bands;
ALTER TABLE simhash_bands_new RENAME TO simhash_bands;
CREATE INDEX simhash_bands_by_article ON simhash_bands (article_id);
