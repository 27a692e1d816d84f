-- A reader's reading list.
CREATE TABLE bookmarks (
  account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (account_id, article_id)
);
CREATE INDEX bookmarks_by_account_time ON bookmarks (account_id, created_at);
