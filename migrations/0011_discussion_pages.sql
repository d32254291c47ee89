-- What a post's (or a commentable page's) discussion shows, stored so that a cache miss reads
-- one row of HTML instead of the whole thread (src/comments/discussion-pages.ts).
--
-- thread_versions: a counter per thread (the `post_slug` of comments), raised by the triggers
-- below on every insert, update and delete of a comment, whatever code path made it, so that no
-- writer (the service, moderation, edits, erasure, the cron's re-rendering, a restore) can forget
-- to invalidate what is stored.
CREATE TABLE thread_versions (
  post_slug TEXT PRIMARY KEY,
  version INTEGER NOT NULL
);

-- discussion_pages: one page of a thread as HTML (the <ol class="thread"> its page shows, '' when
-- it shows none), with its count and number of pages, rendered from the thread at `version` for
-- the view `view_key` names (language, time zone, open or closed, paging, depth, the renderer).
-- Valid only while `version` is the thread's current one and `view_key` is the page's own: a
-- page that finds no valid row renders from the rows, as before, and stores what it rendered.
-- Derived data: no backup holds it (its rows can pass the 100 KB an imported statement may
-- have), and a restore empties it (src/cli/backup-plan.ts), hence IF NOT EXISTS.
CREATE TABLE IF NOT EXISTS discussion_pages (
  post_slug TEXT NOT NULL,
  page INTEGER NOT NULL,
  version INTEGER NOT NULL,
  view_key TEXT NOT NULL,
  comment_count INTEGER NOT NULL,
  page_count INTEGER NOT NULL,
  html TEXT NOT NULL,
  PRIMARY KEY (post_slug, page)
);

CREATE TRIGGER comments_bump_version_on_insert AFTER INSERT ON comments BEGIN
  INSERT INTO thread_versions (post_slug, version) VALUES (NEW.post_slug, 1)
    ON CONFLICT (post_slug) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER comments_bump_version_on_update AFTER UPDATE ON comments BEGIN
  INSERT INTO thread_versions (post_slug, version) VALUES (NEW.post_slug, 1)
    ON CONFLICT (post_slug) DO UPDATE SET version = version + 1;
  INSERT INTO thread_versions (post_slug, version) SELECT OLD.post_slug, 1 WHERE OLD.post_slug IS NOT NEW.post_slug
    ON CONFLICT (post_slug) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER comments_bump_version_on_delete AFTER DELETE ON comments BEGIN
  INSERT INTO thread_versions (post_slug, version) VALUES (OLD.post_slug, 1)
    ON CONFLICT (post_slug) DO UPDATE SET version = version + 1;
END;
