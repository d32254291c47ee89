-- Reader comments. Times are unix milliseconds (INTEGER): they sort, compare and bucket without
-- parsing. Rows are never removed by the app: deletion is a status, so replies keep their place.
CREATE TABLE comments (
  id INTEGER PRIMARY KEY,
  post_slug TEXT NOT NULL,
  parent_id INTEGER REFERENCES comments (id),
  author_name TEXT NOT NULL,
  -- Private: for notifications and the trusted-commenter rule; never in public output.
  author_email TEXT,
  -- The source text exactly as posted, and the HTML rendered and sanitized from it at write time.
  body TEXT NOT NULL,
  body_html TEXT NOT NULL,
  render_version INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'spam', 'deleted')),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  -- HMAC-SHA256 (hex) of the poster's IP keyed with SIGNING_KEY: a plain hash of an IPv4 address
  -- is reversed by trying them all. NULL for the blog author's replies.
  ip_hmac TEXT,
  is_author INTEGER NOT NULL DEFAULT 0 CHECK (is_author IN (0, 1)),
  notify TEXT CHECK (notify IN ('replies', 'post')),
  -- Hash of post, parent, author and body within a time bucket: a double submit stores one row.
  submit_key TEXT NOT NULL UNIQUE
);

-- The post page: one post's public thread, oldest first.
CREATE INDEX comments_thread ON comments (post_slug, status, created_at);
-- The moderation queue and per-status lists, newest first.
CREATE INDEX comments_status ON comments (status, created_at);
-- Recent comments across posts (admin).
CREATE INDEX comments_recent ON comments (created_at);
-- The trusted-commenter rule looks up earlier comments by email.
CREATE INDEX comments_email ON comments (author_email COLLATE NOCASE);
-- Re-rendering after a renderer upgrade reads only the stale rows.
CREATE INDEX comments_render_version ON comments (render_version);
