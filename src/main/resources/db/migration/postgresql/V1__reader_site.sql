-- Reader site: sections, partners, authors, tags and articles.
-- Ids are UUIDv7 text made by the application; times are epoch milliseconds (UTC).

CREATE TABLE sections (
  id          TEXT PRIMARY KEY,
  slug        TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  position    INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE sources (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  home_url    TEXT,
  attribution TEXT NOT NULL DEFAULT '',
  -- canonical: link rel=canonical to the partner's original; noindex: robots noindex + self
  -- canonical; own: the text is licensed as ours.
  seo_policy  TEXT NOT NULL DEFAULT 'canonical' CHECK (seo_policy IN ('canonical', 'noindex', 'own'))
);

CREATE TABLE authors (
  id   TEXT PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL
);

CREATE TABLE tags (
  id   TEXT PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL
);

CREATE TABLE articles (
  id           TEXT PRIMARY KEY,
  slug         TEXT NOT NULL UNIQUE,
  section_id   TEXT NOT NULL REFERENCES sections (id),
  source_id    TEXT REFERENCES sources (id),
  headline     TEXT NOT NULL,
  summary      TEXT NOT NULL DEFAULT '',
  body_html    TEXT NOT NULL,
  language     TEXT NOT NULL DEFAULT 'en',
  direction    TEXT NOT NULL DEFAULT 'ltr' CHECK (direction IN ('ltr', 'rtl')),
  original_url TEXT,
  published_at BIGINT NOT NULL,
  updated_at   BIGINT NOT NULL,
  status       TEXT NOT NULL CHECK (status IN ('draft', 'published', 'withdrawn', 'expired'))
);
CREATE INDEX articles_by_status_time ON articles (status, published_at DESC);
CREATE INDEX articles_by_section ON articles (section_id, status, published_at DESC);

CREATE TABLE article_authors (
  article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  author_id  TEXT NOT NULL REFERENCES authors (id),
  PRIMARY KEY (article_id, position)
);
CREATE INDEX article_authors_by_author ON article_authors (author_id);

CREATE TABLE article_tags (
  article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  tag_id     TEXT NOT NULL REFERENCES tags (id),
  PRIMARY KEY (article_id, tag_id)
);
CREATE INDEX article_tags_by_tag ON article_tags (tag_id);

-- Every change to published content is logged here, in the same transaction, so every node can
-- drop its cached copy of the page (see articles.ContentChanges).
CREATE TABLE content_changes (
  seq        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  article_id TEXT NOT NULL,
  changed_at BIGINT NOT NULL
);
CREATE INDEX content_changes_by_time ON content_changes (changed_at);
