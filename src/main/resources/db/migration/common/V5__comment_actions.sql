-- Likes, edits, deletions and editors' picks; the spam classifier's counts (shared by all nodes).

ALTER TABLE comments ADD COLUMN edited_at BIGINT;
ALTER TABLE comments ADD COLUMN featured INTEGER NOT NULL DEFAULT 0;
ALTER TABLE comments ADD COLUMN likes INTEGER NOT NULL DEFAULT 0;
ALTER TABLE comments ADD COLUMN spam_score DOUBLE PRECISION;
ALTER TABLE comments ADD COLUMN root_id TEXT;                 -- the top-level comment of its thread
CREATE INDEX comments_by_root ON comments (root_id);

CREATE TABLE comment_likes (
  comment_id TEXT NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
  account_id TEXT NOT NULL REFERENCES accounts (id),
  created_at BIGINT NOT NULL,
  PRIMARY KEY (comment_id, account_id)
);

-- Naive Bayes counts learned from moderators' decisions (and a small seed set).
CREATE TABLE spam_tokens (
  token      TEXT PRIMARY KEY,
  spam_count INTEGER NOT NULL DEFAULT 0,
  ham_count  INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE spam_totals (
  id        INTEGER PRIMARY KEY,             -- always 1
  spam_docs INTEGER NOT NULL,
  ham_docs  INTEGER NOT NULL
);
INSERT INTO spam_totals (id, spam_docs, ham_docs) VALUES (1, 0, 0);
