-- Commenters the author banned (from /admin or POST /api/admin/bans): a new comment whose IP HMAC
-- or email matches a row goes to spam, and the poster is told, as for a held comment, that it
-- awaits moderation. Lifting a ban deletes its row.
CREATE TABLE bans (
  -- AUTOINCREMENT: an id in an old link or log never names a later ban.
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  -- Lowercased. NULL when the ban is by IP only.
  email TEXT,
  -- The comments table's ip_hmac (HMAC-SHA256 of the IP, keyed with SIGNING_KEY): the raw IP is
  -- never stored. NULL when the ban is by email only.
  ip_hmac TEXT,
  -- The comment the ban was made from, when it was (no foreign key: a record, like the outbox's).
  comment_id INTEGER,
  created_at INTEGER NOT NULL,
  CHECK (email IS NOT NULL OR ip_hmac IS NOT NULL)
);
-- One ban per email and IP HMAC pair: banning the same poster twice answers with the first ban.
CREATE UNIQUE INDEX bans_target ON bans (ifnull(email, ''), ifnull(ip_hmac, ''));
-- Every reader's comment asks whether its email or IP HMAC is banned.
CREATE INDEX bans_email ON bans (email);
CREATE INDEX bans_ip_hmac ON bans (ip_hmac);

-- The pending comments a ban sent to spam when it was made, with the reason each was held for:
-- lifting the ban puts those still in spam back in the queue, as they were.
CREATE TABLE ban_moves (
  ban_id INTEGER NOT NULL REFERENCES bans (id) ON DELETE CASCADE,
  comment_id INTEGER NOT NULL REFERENCES comments (id),
  held_reason TEXT,
  PRIMARY KEY (ban_id, comment_id)
);
