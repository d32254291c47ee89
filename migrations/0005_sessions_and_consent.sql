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

-- A subscription is active only once its address confirmed that very subscription (its own
-- signed link), not merely because the address was confirmed for something else: anyone can
-- type a confirmed reader's email into the form.
ALTER TABLE notify_subscriptions ADD COLUMN confirmed_at INTEGER;
-- Subscriptions from before this rule keep the old one: active once (or while) their address is
-- confirmed, so confirmation emails already sent keep working.
UPDATE notify_subscriptions SET confirmed_at = created_at;
