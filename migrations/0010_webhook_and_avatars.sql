-- Alerts beyond email: the outbox also carries the author's webhook (WEBHOOK_URL), one row per new
-- comment, delivered and retried like an email. `recipient` is 'webhook': the URL is a secret read
-- at delivery, never stored. SQLite cannot change a CHECK in place, so the table is rebuilt with
-- the same columns, rows and indexes, and `kind` may also be 'webhook'.
CREATE TABLE notify_outbox_next (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('confirm', 'reply', 'post', 'author', 'webhook')),
  recipient TEXT NOT NULL,
  comment_id INTEGER REFERENCES comments (id),
  subscription_id INTEGER,
  address_id INTEGER,
  status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'failed', 'cancelled')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  claim TEXT,
  claimed_until INTEGER,
  last_error TEXT,
  created_at INTEGER NOT NULL,
  sent_at INTEGER,
  -- `webhook:<comment id>` for the webhook: one alert per comment.
  unique_key TEXT NOT NULL UNIQUE
);
INSERT INTO notify_outbox_next (id, kind, recipient, comment_id, subscription_id, address_id, status, attempts,
  next_attempt_at, claim, claimed_until, last_error, created_at, sent_at, unique_key)
SELECT id, kind, recipient, comment_id, subscription_id, address_id, status, attempts,
  next_attempt_at, claim, claimed_until, last_error, created_at, sent_at, unique_key
FROM notify_outbox;
DROP TABLE notify_outbox;
ALTER TABLE notify_outbox_next RENAME TO notify_outbox;
CREATE INDEX notify_outbox_due ON notify_outbox (status, next_attempt_at);
CREATE INDEX notify_outbox_comment ON notify_outbox (comment_id);
CREATE INDEX notify_outbox_recipient ON notify_outbox (recipient, status);

-- Avatars without trackers: the key of each comment's generated avatar (`/avatars/<key>.svg`), an
-- HMAC of the commenter's email (or name, without one) with SIGNING_KEY, computed once when the
-- comment is written so that a page of 500 comments computes none. NULL for comments written
-- before it (they show no avatar) and for the author's own.
ALTER TABLE comments ADD COLUMN avatar_key TEXT;
