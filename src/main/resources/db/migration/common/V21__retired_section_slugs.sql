-- A section's earlier addresses: /sections/{old slug} answers 301 to the section's current one.
-- A slug a section takes again (or another section takes) leaves this table.
CREATE TABLE section_slugs_retired (
  slug       TEXT PRIMARY KEY,
  section_id TEXT NOT NULL REFERENCES sections (id)
);
