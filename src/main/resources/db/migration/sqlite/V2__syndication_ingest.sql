-- Syndication ingest: partner feeds, their licence terms and health; article identity per feed,
-- revisions, near-duplicate story grouping; db-scheduler's task table.

ALTER TABLE sources ADD COLUMN feed_url TEXT;                -- http(s) URL, or a local file or folder
ALTER TABLE sources ADD COLUMN format TEXT NOT NULL DEFAULT 'auto';
ALTER TABLE sources ADD COLUMN section_id TEXT REFERENCES sections (id);
ALTER TABLE sources ADD COLUMN priority INTEGER NOT NULL DEFAULT 0;      -- higher wins a story
ALTER TABLE sources ADD COLUMN interval_seconds INTEGER NOT NULL DEFAULT 900;
ALTER TABLE sources ADD COLUMN request_headers TEXT;         -- JSON object; secret, never shown
ALTER TABLE sources ADD COLUMN content_policy TEXT NOT NULL DEFAULT 'full';  -- full | summary
ALTER TABLE sources ADD COLUMN expire_after_days INTEGER NOT NULL DEFAULT 0; -- 0 = never
ALTER TABLE sources ADD COLUMN state TEXT NOT NULL DEFAULT 'active';     -- active | disabled | gone
ALTER TABLE sources ADD COLUMN etag TEXT;
ALTER TABLE sources ADD COLUMN last_modified TEXT;
ALTER TABLE sources ADD COLUMN last_fetch_at BIGINT;
ALTER TABLE sources ADD COLUMN next_fetch_at BIGINT;
ALTER TABLE sources ADD COLUMN last_success_at BIGINT;
ALTER TABLE sources ADD COLUMN failing_since BIGINT;
ALTER TABLE sources ADD COLUMN last_error TEXT;
ALTER TABLE sources ADD COLUMN consecutive_failures INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sources ADD COLUMN items_total INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sources ADD COLUMN created_at BIGINT NOT NULL DEFAULT 0;
CREATE INDEX sources_due ON sources (state, next_fetch_at);

ALTER TABLE articles ADD COLUMN source_guid TEXT;            -- identity within its feed
ALTER TABLE articles ADD COLUMN content_hash TEXT;
ALTER TABLE articles ADD COLUMN version BIGINT;              -- ninjs version
ALTER TABLE articles ADD COLUMN simhash BIGINT;
ALTER TABLE articles ADD COLUMN story_id TEXT;               -- same story from several partners
ALTER TABLE articles ADD COLUMN image_url TEXT;
ALTER TABLE articles ADD COLUMN image_caption TEXT;
ALTER TABLE articles ADD COLUMN image_credit TEXT;
CREATE UNIQUE INDEX articles_by_source_guid ON articles (source_id, source_guid);
CREATE INDEX articles_by_story ON articles (story_id);
CREATE INDEX articles_by_source_time ON articles (source_id, status, published_at);

-- Earlier versions of an article, kept when a partner sends a correction.
CREATE TABLE article_revisions (
  id          TEXT PRIMARY KEY,
  article_id  TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  headline    TEXT NOT NULL,
  summary     TEXT NOT NULL,
  body_html   TEXT NOT NULL,
  version     BIGINT,
  updated_at  BIGINT NOT NULL,
  replaced_at BIGINT NOT NULL
);
CREATE INDEX article_revisions_by_article ON article_revisions (article_id);

-- Seven bands of each article's SimHash: fingerprints within 6 bits share at least one band.
-- It carries what the lookup needs (time, partner, fingerprint, story), so finding a story's
-- other versions reads only this index.
CREATE TABLE simhash_bands (
  band         BIGINT NOT NULL,        -- band number * 65536 + the band's bits
  published_at BIGINT NOT NULL,
  article_id   TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  source_id    TEXT NOT NULL,
  simhash      BIGINT NOT NULL,
  story_id     TEXT NOT NULL,
  -- The partner comes second: the lookup skips the partner's own articles by range, not row by row.
  PRIMARY KEY (band, source_id, published_at, article_id)
);
CREATE INDEX simhash_bands_by_article ON simhash_bands (article_id);

CREATE TABLE scheduled_tasks (
  task_name            TEXT NOT NULL,
  task_instance        TEXT NOT NULL,
  task_data            BLOB,
  execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
  picked               BOOLEAN NOT NULL,
  picked_by            TEXT,
  last_success         TIMESTAMP WITH TIME ZONE,
  last_failure         TIMESTAMP WITH TIME ZONE,
  consecutive_failures INT,
  last_heartbeat       TIMESTAMP WITH TIME ZONE,
  version              BIGINT NOT NULL,
  priority             SMALLINT,
  PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_time ON scheduled_tasks (priority DESC, execution_time ASC);
