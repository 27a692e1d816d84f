-- Near-duplicates are now found by reading other partners' fingerprints in a time window through
-- one covering index on articles and comparing them in memory (ingest.SameStories). The seven
-- band rows per article, with their index entries and foreign-key checks, were more than half of
-- the work of storing an imported article.
CREATE INDEX articles_by_time_fingerprint ON articles (published_at) INCLUDE (source_id, simhash, story_id)
  WHERE simhash IS NOT NULL AND simhash <> 0;
DROP TABLE simhash_bands;
