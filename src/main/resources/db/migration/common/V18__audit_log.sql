-- Every staff action: who, what, when, before and after. Rows are only ever added.
CREATE TABLE audit_log (
  id TEXT PRIMARY KEY,
  at BIGINT NOT NULL,
  actor_user_id TEXT NOT NULL,
  actor_name TEXT NOT NULL,
  action TEXT NOT NULL,
  subject TEXT NOT NULL,
  before_value TEXT,
  after_value TEXT
);
CREATE INDEX audit_log_by_time ON audit_log (id);
CREATE INDEX audit_log_by_actor ON audit_log (actor_user_id, id);
CREATE INDEX audit_log_by_action ON audit_log (action, id);
