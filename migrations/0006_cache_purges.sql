-- Purge coalescing (src/cache/coalesce.ts): one row per cache tag that a comment purged through
-- Workers Cache, whose purges are rate-limited per account. The first purge of a quiet tag goes
-- at once; purges asked for within the window after it become one at the window's end. D1 is
-- where every isolate agrees on this: each request may run on another one. Times are unix ms.
CREATE TABLE cache_purges (
  tag TEXT PRIMARY KEY,
  -- The last purge of the tag sent (or claimed for sending).
  sent_at INTEGER NOT NULL,
  -- The last write that asked for the tag to be purged.
  asked_at INTEGER NOT NULL,
  -- When the next purge of the tag is due; NULL when none is.
  due_at INTEGER,
  -- A random token of the request that last decided to send the tag's purge at once: how it
  -- tells its own decision from a flush's at the same millisecond.
  claim TEXT
);
-- The flush looks up what is due.
CREATE INDEX cache_purges_due ON cache_purges (due_at);
