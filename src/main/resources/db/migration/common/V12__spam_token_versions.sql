-- Each node keeps the classifier's counts in memory. Every decision learned adds one document to
-- spam_totals, so spam_docs + ham_docs numbers the decisions; a token remembers the number of the
-- last decision that changed it, and a node that sees new totals reads only the tokens changed since.
ALTER TABLE spam_tokens ADD COLUMN learned BIGINT NOT NULL DEFAULT 0;
CREATE INDEX spam_tokens_by_learned ON spam_tokens (learned);
