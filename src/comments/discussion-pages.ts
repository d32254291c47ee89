import { digest128 } from '../auth/hmac'
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

/**
 * The stored pages this isolate read last, by thread and page, with their `html_hash`: a read
 * asks D1 for a page's HTML only when the stored page's hash is not the one kept here, so a miss
 * after the first moves a few small values instead of the page (parsing D1's JSON answer of the
 * page was a tenth of the Worker's time on a miss; README, "Notes for maintainers"). Kept by
 * content, not by version: a version number can come back (D1 Time Travel, a restore), a hash
 * names one HTML.
 */
const kept = new Map<string, { hash: string; html: string }>()
/** Characters of HTML `kept` may hold: a hundred pages of long threads. */
const KEPT_CHARACTERS = 8_000_000
let keptCharacters = 0

const keptKey = (slug: string, page: number) => `${page} ${slug}`

function keep(key: string, hash: string, html: string): void {
  const old = kept.get(key)
  if (old) keptCharacters -= old.html.length
  if (keptCharacters + html.length > KEPT_CHARACTERS) {
    kept.clear()
    keptCharacters = 0
  }
  kept.set(key, { hash, html })
  keptCharacters += html.length
}

const VERSION = `COALESCE((SELECT version FROM thread_versions WHERE post_slug = ?1), 0)`
const STORED_WHERE = `FROM discussion_pages WHERE post_slug = ?1 AND page = ?2 AND version = ${VERSION}`
// The HTML only when it is not the page this isolate keeps (?3, its hash; NULL when none).
const STORED = `SELECT view_key, comment_count, page_count, html_hash, CASE WHEN html_hash = ?3 THEN NULL ELSE html END AS html ${STORED_WHERE}`
const ROWS = `SELECT ${COLUMNS} FROM comments WHERE post_slug = ?1 AND status IN ('approved', 'deleted')`
const ORDER = 'ORDER BY created_at, id'
const ALL_ROWS = `${ROWS} ${ORDER}`
const ROWS_UNLESS_STORED = `${ROWS} AND NOT EXISTS (SELECT 1 ${STORED_WHERE}) ${ORDER}`

interface StoredRow {
  view_key: string
  comment_count: number
  page_count: number
  /** NULL when stored by a Worker from before migration 0012 (a rollback). */
  html_hash: string | null
  html: string | null
}

/**
 * Page `page` of the thread `slug` as stored, or its rows when none is stored for its current
 * version (all of them with `rows: 'always'`), with that version: one batch, so one round trip
 * and one snapshot. The stored HTML comes from this isolate's copy when it is the same (`kept`).
 * `db` may be a Sessions API session: a replica's older snapshot gives its older page, which the
 * coalesced second purge replaces (src/cache/coalesce.ts).
 */
export async function readDiscussion(
  db: D1Database | D1DatabaseSession,
  slug: string,
  page: number,
  { rows = 'unless-stored' }: { rows?: 'unless-stored' | 'always' } = {},
): Promise<DiscussionRead> {
  const key = keptKey(slug, page)
  const mine = kept.get(key)
  const [version, stored, thread] = await db.batch([
    db.prepare(`SELECT ${VERSION} AS version`).bind(slug),
    db.prepare(STORED).bind(slug, page, mine?.hash ?? null),
    rows === 'always' ? db.prepare(ALL_ROWS).bind(slug) : db.prepare(ROWS_UNLESS_STORED).bind(slug, page),
  ])
  const current = (version!.results[0] as { version: number }).version
  const row = stored!.results[0] as StoredRow | undefined
  let found: StoredThread | undefined
  if (row) {
    // A NULL html is the page `mine` holds (its hash matched); else keep the one read.
    const html = row.html ?? mine!.html
    if (row.html !== null && row.html_hash !== null) keep(key, row.html_hash, row.html)
    found = { viewKey: row.view_key, count: row.comment_count, pageCount: row.page_count, html }
  }
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
  const hash = await htmlHash(shown.html)
  const { meta } = await db
    .prepare(`INSERT INTO discussion_pages (post_slug, page, version, view_key, comment_count, page_count, html, html_hash)
      SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8 WHERE ${VERSION} = ?3
      ON CONFLICT (post_slug, page) DO UPDATE SET version = excluded.version, view_key = excluded.view_key,
        comment_count = excluded.comment_count, page_count = excluded.page_count, html = excluded.html, html_hash = excluded.html_hash`)
    .bind(slug, page, version, viewKey, shown.count, shown.pageCount, shown.html, hash)
    .run()
  // The next read on this isolate then moves the page's values, not its HTML again.
  if (meta.changes > 0) keep(keptKey(slug, page), hash, shown.html)
  return meta.changes > 0
}

/** `html_hash`: the first 128 bits of the SHA-256 of the page's HTML, in hex. */
export function htmlHash(html: string): Promise<string> {
  return digest128(html)
}
