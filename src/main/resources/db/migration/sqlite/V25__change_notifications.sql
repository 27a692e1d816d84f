-- PostgreSQL wakes other nodes when the change log grows (V25 there); an embedded SQLite site is
-- one node, which polls its own log. Nothing to change here; the version keeps both in step.
SELECT 1;
