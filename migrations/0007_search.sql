-- The search index: published posts (and pages) as the publish tool extracts them from content/,
-- so it is never the only copy of anything. Words are matched without accents or case
-- (unicode61, remove_diacritics 2: "reussite" finds "réussite" and the reverse); the prefix
-- indexes keep short word-prefix queries (`en*`) from scanning the whole vocabulary.
-- Only the four first columns are searched; the others are what a result shows or filters on.
-- `published_at` (milliseconds) lets the query hide a scheduled post until its date.
-- D1 cannot export a virtual table: backups leave it out and a restore creates it again from
-- this file (src/cli/backup-plan.ts), which is why it says IF NOT EXISTS and holds nothing else.
CREATE VIRTUAL TABLE IF NOT EXISTS search_index USING fts5(
  title,
  tags,
  summary,
  body,
  doc UNINDEXED,
  kind UNINDEXED,
  path UNINDEXED,
  lang UNINDEXED,
  published_at UNINDEXED,
  hash UNINDEXED,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);
