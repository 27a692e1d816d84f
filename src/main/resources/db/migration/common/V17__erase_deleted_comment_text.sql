-- A comment its author deleted keeps only its tombstone: the text goes from the comment and
-- from the moderation log (deletions made before this version kept it).
UPDATE comments SET body = '', body_html = '', body_key = NULL WHERE status = 'deleted';
UPDATE moderation_log SET body = NULL WHERE comment_id IN (SELECT id FROM comments WHERE status = 'deleted');
