import { retryTransient } from '../db/retry'
import { COLUMNS, toComment, type CommentRecord } from './store-rows'
import type { CommentRow } from './types'

/** Re-rendering stored comments after a change of the comment renderer (the cron's job, src/scheduled.ts). */

/**
 * Re-renders up to `limit` comments whose HTML came from a renderer older than `currentVersion`,
 * in one atomic batch, and returns how many it did: call again until it returns less than `limit`.
 * Versions only go up; an edit racing with this keeps its own, newer HTML.
 */
export async function rerenderStale(
  db: D1Database,
  currentVersion: number,
  render: (body: string) => string,
  limit = 100,
): Promise<number> {
  return (await rerenderStaleWithin(db, currentVersion, render, { comments: limit, characters: Infinity })).comments
}

/** What one call of `rerenderStaleWithin` did, and whether stale comments remain. */
export interface RerenderPass {
  comments: number
  characters: number
  more: boolean
  /** The threads whose public page changed: the `post_slug` of each approved comment re-rendered. */
  slugs: string[]
}

/**
 * Like `rerenderStale`, oldest first, but stops before the comment whose body would take the
 * characters rendered past `budget.characters` (rendering is linear, so characters stand for
 * CPU); `more` says whether stale comments are left.
 */
export async function rerenderStaleWithin(
  db: D1Database,
  currentVersion: number,
  render: (body: string) => string,
  budget: { comments: number; characters: number },
): Promise<RerenderPass> {
  const { results } = await db
    .prepare(`SELECT ${COLUMNS} FROM comments WHERE render_version < ?1 ORDER BY id LIMIT ?2`)
    .bind(currentVersion, budget.comments + 1)
    .all<CommentRecord>()
  const rows = results.map(toComment)
  const taken: CommentRow[] = []
  let characters = 0
  for (const row of rows.slice(0, budget.comments)) {
    if (characters + row.body.length > budget.characters) break
    characters += row.body.length
    taken.push(row)
  }
  if (taken.length === 0) return { comments: 0, characters: 0, more: rows.length > 0, slugs: [] }
  const update = db.prepare(
    'UPDATE comments SET body_html = ?2, render_version = ?3 WHERE id = ?1 AND body = ?4 AND render_version < ?3',
  )
  const statements = taken.map((row) => update.bind(row.id, render(row.body), currentVersion, row.body))
  await retryTransient(() => db.batch(statements))
  const slugs = [...new Set(taken.filter((row) => row.status === 'approved').map((row) => row.postSlug))]
  return { comments: taken.length, characters, more: rows.length > taken.length, slugs }
}
