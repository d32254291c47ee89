-- Why a held comment waits, shown in the moderation queue: `first_time` (the commenter is not
-- trusted yet), `too_many_links` (more than maxLinks), `held_by_policy` (moderation: hold holds
-- every comment), `rule` (a content rule), `edit_added_link` (a published comment was edited to
-- add a link). NULL for comments that are not held and for those held before this column.
-- The CHECK names `rule` ahead of the content rules so that adding them needs no table rebuild.
ALTER TABLE comments ADD COLUMN held_reason TEXT
  CHECK (held_reason IN ('first_time', 'too_many_links', 'held_by_policy', 'rule', 'edit_added_link'));
