-- A second factor for signing in (TOTP, RFC 6238), its one-time recovery codes, sign-ins waiting
-- for their code, and the site's security settings. Everything is in the database so that every
-- node sees the same enrolment, the same used codes and the same settings.

CREATE TABLE account_totp (
  account_id   TEXT PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
  secret       TEXT NOT NULL,                 -- base32; shown to its owner once, never logged
  created_at   BIGINT NOT NULL,
  confirmed_at BIGINT,                        -- null while the owner has not yet typed a code from it
  last_step    BIGINT                         -- the newest time step a code was accepted for: no replay
);

CREATE TABLE recovery_codes (
  account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  code_hash  TEXT NOT NULL,                   -- SHA-256 of the code (50 random bits), never the code
  used_at    BIGINT,
  PRIMARY KEY (account_id, code_hash)
);

-- A password accepted, a code not yet: bound to one browser by a cookie whose SHA-256 is kept here.
CREATE TABLE pending_signins (
  id_hash    TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  remember   INTEGER NOT NULL DEFAULT 0,
  expires_at BIGINT NOT NULL
);
CREATE INDEX pending_signins_by_account ON pending_signins (account_id);

CREATE TABLE security_settings (
  name  TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
