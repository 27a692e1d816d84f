-- Reader and staff accounts, server-side sessions, one-time tokens, and throttling events.
-- Nothing secret is stored in clear: passwords as Argon2id hashes, session ids and tokens as SHA-256.

CREATE TABLE accounts (
  id               TEXT PRIMARY KEY,
  user_id          TEXT NOT NULL,
  user_id_key      TEXT NOT NULL UNIQUE,      -- lower-cased: user IDs are unique ignoring case
  email            TEXT NOT NULL,
  email_key        TEXT NOT NULL UNIQUE,      -- lower-cased
  display_name     TEXT,
  password_hash    TEXT NOT NULL,
  role             TEXT NOT NULL DEFAULT 'reader'
                   CHECK (role IN ('reader', 'moderator', 'editor', 'admin')),
  email_verified_at BIGINT,                   -- null until the reader follows the mailed link
  notify_replies   INTEGER NOT NULL DEFAULT 1,
  suspended_until  BIGINT,                    -- null: not suspended
  suspended_reason TEXT,
  deleted_at       BIGINT,                    -- the reader deleted the account; personal data is gone
  created_at       BIGINT NOT NULL
);

CREATE TABLE sessions (
  id_hash      TEXT PRIMARY KEY,              -- SHA-256 of the cookie value, never the value
  account_id   TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  created_at   BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL,
  expires_at   BIGINT NOT NULL,               -- absolute time-out
  remember     INTEGER NOT NULL DEFAULT 0,
  user_agent   TEXT
);
CREATE INDEX sessions_by_account ON sessions (account_id);

CREATE TABLE account_tokens (
  hash       TEXT PRIMARY KEY,                -- SHA-256 of the token mailed to the reader
  account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  purpose    TEXT NOT NULL CHECK (purpose IN ('verify', 'reset')),
  email      TEXT,                            -- the address a verify token confirms
  expires_at BIGINT NOT NULL,
  used_at    BIGINT
);
CREATE INDEX account_tokens_by_account ON account_tokens (account_id);

-- Failed sign-ins, recovery and registration requests, counted per key over a window; kept in
-- the database so every node sees the same counts.
CREATE TABLE throttle_events (
  throttle_key TEXT NOT NULL,
  at           BIGINT NOT NULL
);
CREATE INDEX throttle_events_by_key ON throttle_events (throttle_key, at);
