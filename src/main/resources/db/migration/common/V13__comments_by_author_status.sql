-- Whether an author has published a few comments yet: without this the planner walked the site's
-- published comments (comments_by_status) until it met ten of theirs, which for a new reader on a
-- big site is all of them. Also serves the moderators' record of an author.
CREATE INDEX comments_by_account_status ON comments (account_id, status);
