-- The browser that registered: a confirmation link signs in only there, so a link for an account
-- someone else made with your address never signs you into it. SHA-256 of a cookie value; null
-- for links sent any other way (a resend, an address change), which confirm but never sign in.

ALTER TABLE account_tokens ADD COLUMN browser_hash TEXT;
