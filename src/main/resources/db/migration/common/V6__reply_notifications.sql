-- The key in every reply-notification mail's unsubscribe link (random, per account).
ALTER TABLE accounts ADD COLUMN unsubscribe_key TEXT;
CREATE UNIQUE INDEX accounts_by_unsubscribe_key ON accounts (unsubscribe_key);
