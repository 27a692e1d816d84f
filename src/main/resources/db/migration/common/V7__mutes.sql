-- A reader hides another reader's comments for themselves.
CREATE TABLE account_mutes (
  account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  muted_id   TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (account_id, muted_id)
);
