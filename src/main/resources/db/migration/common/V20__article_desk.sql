-- The newsroom's article desk: corrections readers see under an article, the reason a
-- withdrawal gives, pins to the top of the home page or a section, and the staff list's indexes.

CREATE TABLE article_corrections (
  id            TEXT PRIMARY KEY,
  article_id    TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  note          TEXT NOT NULL,
  created_at    BIGINT NOT NULL,
  actor_user_id TEXT NOT NULL
);
CREATE INDEX article_corrections_by_article ON article_corrections (article_id, created_at);

ALTER TABLE articles ADD COLUMN withdrawal_reason TEXT;
ALTER TABLE articles ADD COLUMN pinned_home_at BIGINT;
ALTER TABLE articles ADD COLUMN pinned_section_at BIGINT;
-- The pinned set is small: each listing reads it whole from its own partial index.
CREATE INDEX articles_pinned_home ON articles (pinned_home_at) WHERE pinned_home_at IS NOT NULL;
CREATE INDEX articles_pinned_in_section ON articles (section_id, pinned_section_at)
  WHERE pinned_section_at IS NOT NULL;

-- The staff list, newest first whatever the status: one index per filter it may lead with, each
-- in list order, so a page walks one range and stops (the listing indexes hold listed rows only).
-- (source_id, status, published_at) stays beside the desk's by-source index: licence expiry and a
-- partner's removal read only its published rows, where the desk's index would walk every row
-- already expired. Published is nearly every row: that filter walks the time index; the rare
-- statuses have a small index of their own.
CREATE INDEX articles_desk_by_time ON articles (published_at, id);
CREATE INDEX articles_desk_by_section ON articles (section_id, published_at, id);
CREATE INDEX articles_desk_by_source ON articles (source_id, published_at, id);
CREATE INDEX articles_desk_by_status ON articles (status, published_at, id)
  WHERE status = 'draft' OR status = 'withdrawn' OR status = 'expired';
