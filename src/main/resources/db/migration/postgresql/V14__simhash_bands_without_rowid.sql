-- SQLite stores simhash_bands as its primary key from V14 on (WITHOUT ROWID); PostgreSQL has no
-- such layout, and its table stays as it is. Kept so both dialects count the same versions.
SELECT 1;
