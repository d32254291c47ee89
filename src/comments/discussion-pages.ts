import { COLUMNS, toComment, type CommentRecord } from './store-rows'
import type { CommentRow } from './types'

/**
 * Stored pages of a discussion (migrations/0011_discussion_pages.sql): the HTML of one page of a
 * thread, rendered by the first public view that found none, so that the views after it read
 * one row instead of the whole thread and render nothing of it. A row is used only while its
 * `version` is the thread's current one (the triggers on `comments` raise it on every change)
 * and its `view_key` is the reading page's (`discussionViewKey`); anything else renders from
 * the rows, as every view did before.
 */

/** One page of a discussion's thread as its page shows it. */
export interface ShownThread {
  /** Visible comments in the whole discussion (placeholders of deleted ones not counted). */
  count: number
  pageCount: number
  /** The page's threads as HTML (`<ol class="thread">…`), '' when the page shows none. */
  html: string
}

/** A stored page (`discussion_pages`), valid for the thread's current version. */
export interface StoredThread extends ShownThread {
  viewKey: string
}

/** What a public view reads of a thread in one round trip (`readDiscussion`). */
export interface DiscussionRead {
  /** The thread's current version, from the same snapshot as the rest. */
  version: number
  /** The stored page when one is valid for `version`. */
  stored?: StoredThread
  /** The thread's public rows, oldest first: read when no stored page is valid (or when asked). */
  rows?: CommentRow[]
}

const VERSION = `COALESCE((SELECT version FROM thread_versions WHERE post_slug = ?1), 0)`
const STORED = `SELECT view_key, comment_count, page_count, html FROM discussion_pages
  WHERE post_slug = ?1 AND page = ?2 AND version = ${VERSION}`
const ROWS = `SELECT ${COLUMNS} FROM comments WHERE post_slug = ?1 AND status IN ('approved', 'deleted')`
const ORDER = 'ORDER BY created_at, id'
const ALL_ROWS = `${ROWS} ${ORDER}`
const ROWS_UNLESS_STORED = `${ROWS} AND NOT EXISTS (${STORED}) ${ORDER}`

/**
 * Page `page` of the thread `slug` as stored, or its rows when none is stored for its current
 * version (all of them with `rows: 'always'`), with that version: one batch, so one round trip
 * and one snapshot. `db` may be a Sessions API session: a replica's older snapshot gives its
 * older page, which the coalesced second purge replaces (src/cache/coalesce.ts).
 */
export async function readDiscussion(
  db: D1Database | D1DatabaseSession,
  slug: string,
  page: number,
  { rows = 'unless-stored' }: { rows?: 'unless-stored' | 'always' } = {},
): Promise<DiscussionRead> {
  const [version, stored, thread] = await db.batch([
    db.prepare(`SELECT ${VERSION} AS version`).bind(slug),
    db.prepare(STORED).bind(slug, page),
    rows === 'always' ? db.prepare(ALL_ROWS).bind(slug) : db.prepare(ROWS_UNLESS_STORED).bind(slug, page),
  ])
  const current = (version!.results[0] as { version: number }).version
  const row = stored!.results[0] as { view_key: string; comment_count: number; page_count: number; html: string } | undefined
  const found = row && { viewKey: row.view_key, count: row.comment_count, pageCount: row.page_count, html: row.html }
  const records = thread!.results as CommentRecord[]
  return { version: current, ...(found && { stored: found }), ...((rows === 'always' || !found) && { rows: records.map(toComment) }) }
}

// D1 stores at most 2 MB a row; a page of threads past this is rendered on every view instead.
const MAX_STORED_HTML = 1_000_000

/**
 * Stores page `page` of the thread `slug` as rendered from its rows at `version` for the view
 * `viewKey`, unless the thread has changed since (its version is no longer `version`: what
 * was rendered is already out of date) or the HTML is too large to store. On the primary.
 * True when it stored.
 */
export async function storeDiscussion(
  db: D1Database,
  slug: string,
  page: number,
  version: number,
  viewKey: string,
  shown: ShownThread,
): Promise<boolean> {
  if (shown.html.length > MAX_STORED_HTML) return false
  const { meta } = await db
    .prepare(`INSERT INTO discussion_pages (post_slug, page, version, view_key, comment_count, page_count, html)
      SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7 WHERE ${VERSION} = ?3
      ON CONFLICT (post_slug, page) DO UPDATE SET version = excluded.version, view_key = excluded.view_key,
        comment_count = excluded.comment_count, page_count = excluded.page_count, html = excluded.html`)
    .bind(slug, page, version, viewKey, shown.count, shown.pageCount, shown.html)
    .run()
  return meta.changes > 0
}
