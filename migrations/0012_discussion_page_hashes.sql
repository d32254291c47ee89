-- Each stored page of a discussion names its HTML by a hash (`html_hash`), so that a Worker that
-- keeps a page it read already (src/comments/discussion-pages.ts) asks D1 for the HTML only when
-- the stored page is another one: a cache miss then reads a few small values, not the page again.
--
-- Derived data (see 0011): the table is made again, empty, rather than altered, so that a restore
-- on a new database, which creates derived tables from their last definition in the migrations
-- (src/cli/backup-plan.ts), creates this one; the next views fill it.
DROP TABLE IF EXISTS discussion_pages;

CREATE TABLE IF NOT EXISTS discussion_pages (
  post_slug TEXT NOT NULL,
  page INTEGER NOT NULL,
  version INTEGER NOT NULL,
  view_key TEXT NOT NULL,
  comment_count INTEGER NOT NULL,
  page_count INTEGER NOT NULL,
  html TEXT NOT NULL,
  -- The first 128 bits of the SHA-256 of `html`, in hex. NULL when a Worker from before this
  -- migration stored the page (after `wrangler rollback`): its HTML is then always sent.
  html_hash TEXT,
  PRIMARY KEY (post_slug, page)
);
