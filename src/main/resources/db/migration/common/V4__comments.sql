-- Comments and moderation: threaded comments, reports, and an audit log of every moderator action.

ALTER TABLE sections ADD COLUMN moderation TEXT NOT NULL DEFAULT 'post';   -- pre | post
ALTER TABLE sections ADD COLUMN comments_open INTEGER NOT NULL DEFAULT 1;
ALTER TABLE articles ADD COLUMN comments_open INTEGER NOT NULL DEFAULT 1;

CREATE TABLE comments (
  id            TEXT PRIMARY KEY,
  article_id    TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  account_id    TEXT NOT NULL REFERENCES accounts (id),
  parent_id     TEXT REFERENCES comments (id),
  depth         INTEGER NOT NULL,                 -- 0, 1 or 2: three levels
  reply_to_name TEXT,                             -- a deeper reply names whom it answers
  body          TEXT NOT NULL,                    -- as written
  body_html     TEXT NOT NULL,                    -- rendered and made safe
  status        TEXT NOT NULL CHECK (status IN ('pending', 'published', 'rejected', 'deleted')),
  hold_reasons  TEXT,                             -- why it waits for a moderator
  reports       INTEGER NOT NULL DEFAULT 0,
  created_at    BIGINT NOT NULL,
  moderated_at  BIGINT
);
CREATE INDEX comments_by_article ON comments (article_id, status, created_at);
CREATE INDEX comments_by_account ON comments (account_id, created_at);
CREATE INDEX comments_by_status ON comments (status, created_at);

CREATE TABLE comment_reports (
  comment_id TEXT NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
  account_id TEXT NOT NULL REFERENCES accounts (id),
  reason     TEXT NOT NULL CHECK (reason IN ('spam', 'abusive', 'off-topic', 'illegal')),
  created_at BIGINT NOT NULL,
  PRIMARY KEY (comment_id, account_id)
);

CREATE TABLE moderation_log (
  id           TEXT PRIMARY KEY,
  comment_id   TEXT NOT NULL,
  moderator_id TEXT,                              -- null for the automatic rules
  action       TEXT NOT NULL,                     -- held, approved, rejected, reported, …
  reason       TEXT,
  body         TEXT,                              -- the text at the time, kept for the record
  created_at   BIGINT NOT NULL
);
CREATE INDEX moderation_log_by_comment ON moderation_log (comment_id, created_at);
