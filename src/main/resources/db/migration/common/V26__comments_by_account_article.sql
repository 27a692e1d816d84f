-- Whether a reader has commented on an article, asked on each of their article page views: their
-- page is then rendered for them alone (edit and delete on their own comments).
CREATE INDEX comments_by_account_article ON comments (account_id, article_id);
