-- Admin sessions opened at /admin/login. The cookie carries a random id (signed with a key
-- derived from SIGNING_KEY and ADMIN_TOKEN); a row here is what keeps it alive, so logging out
-- deletes the row and the cookie stops working even if it is sent again.
CREATE TABLE admin_sessions (
  -- SHA-256 (hex) of the cookie's session id: a copy of this table opens no session.
  id_hash TEXT PRIMARY KEY,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
-- Expired rows are swept at each sign-in.
CREATE INDEX admin_sessions_expiry ON admin_sessions (expires_at);
