-- Old addresses that answer 301, written by the WordPress import (a post's permalink, `/?p=<id>`,
-- `/category/<x>/`…). `from_path` is `legacyPathKey` of the old address (src/redirects/legacy-path.ts),
-- `to_path` a root-relative path of this site. Looked up only when no route answered.
CREATE TABLE redirects (
  from_path TEXT PRIMARY KEY,
  to_path TEXT NOT NULL,
  -- What wrote the row, e.g. 'wordpress', so a later import replaces its own rows only.
  source TEXT NOT NULL DEFAULT 'wordpress',
  created_at INTEGER NOT NULL
);
