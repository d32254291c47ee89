-- Reply notifications: who asked for email, about what, and every email the blog owes someone.
-- Times are unix milliseconds. Addresses are stored lowercased.

-- One row per address that ever asked for email. Never deleted: it holds the double opt-in
-- state, so an address that was sent a confirmation is not sent another before it expires.
CREATE TABLE notify_addresses (
  -- AUTOINCREMENT: ids are never reused, since "stop everything" links name the id forever.
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  email TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  -- When the last confirmation email was queued (one per confirmation lifetime at most).
  confirm_sent_at INTEGER,
  -- Set by the POST on the confirmation page; nothing but the confirmation is sent before it.
  confirmed_at INTEGER
);

-- What an address follows: replies below one comment, or every new comment on one post.
CREATE TABLE notify_subscriptions (
  -- AUTOINCREMENT: an unsubscribe link names the id and never expires, so an id is never reused.
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  address_id INTEGER NOT NULL REFERENCES notify_addresses (id),
  scope TEXT NOT NULL CHECK (scope IN ('replies', 'post')),
  post_slug TEXT NOT NULL,
  -- `replies`: the comment whose replies (at any depth) are followed.
  comment_id INTEGER REFERENCES comments (id),
  created_at INTEGER NOT NULL,
  CHECK ((scope = 'replies') = (comment_id IS NOT NULL))
);
CREATE UNIQUE INDEX notify_subscriptions_target ON notify_subscriptions (address_id, scope, post_slug, ifnull(comment_id, 0));
CREATE INDEX notify_subscriptions_post ON notify_subscriptions (post_slug, scope);
CREATE INDEX notify_subscriptions_comment ON notify_subscriptions (comment_id);

-- Every email owed: written in the same batch as the comment (or approval) that causes it,
-- delivered by the request's waitUntil and then by the cron, with backoff.
CREATE TABLE notify_outbox (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('confirm', 'reply', 'post', 'author')),
  recipient TEXT NOT NULL,
  -- The comment the email is about (for `confirm`: the comment that asked).
  comment_id INTEGER REFERENCES comments (id),
  -- The subscription that matched (reply, post) and the address (confirm); no foreign key:
  -- unsubscribing deletes the subscription, and the row must stay as a record.
  subscription_id INTEGER,
  address_id INTEGER,
  -- `cancelled`: no longer owed (unsubscribed, or the comment stopped being public).
  status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'failed', 'cancelled')),
  -- Counted when a delivery claims the row, so a run that dies mid-send still counts.
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  -- The lease of the delivery run sending it: another run skips the row until it lapses.
  claim TEXT,
  claimed_until INTEGER,
  last_error TEXT,
  created_at INTEGER NOT NULL,
  sent_at INTEGER,
  -- `comment:<id>:<address>` for notices (one per address per comment, whatever matched),
  -- `confirm:<address id>:<time>` for confirmations: the same email is never queued twice.
  unique_key TEXT NOT NULL UNIQUE
);
CREATE INDEX notify_outbox_due ON notify_outbox (status, next_attempt_at);
CREATE INDEX notify_outbox_comment ON notify_outbox (comment_id);
CREATE INDEX notify_outbox_recipient ON notify_outbox (recipient, status);

-- The local mailbox transport: what the blog would have sent, readable at /admin/mailbox.
CREATE TABLE notify_mailbox (
  id INTEGER PRIMARY KEY,
  -- The outbox row's key: a retried delivery stores the message once.
  message_key TEXT NOT NULL UNIQUE,
  sender TEXT NOT NULL,
  recipient TEXT NOT NULL,
  subject TEXT NOT NULL,
  text TEXT NOT NULL,
  html TEXT NOT NULL,
  -- JSON object of extra headers (List-Unsubscribe and the like).
  headers TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX notify_mailbox_created ON notify_mailbox (created_at);
