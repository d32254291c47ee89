import type { ImportPlan, PlannedComment, PlannedRedirect } from './import-types'

/** What D1 already holds that the import must know of: comments with the plan's ids or import keys, and redirects. */
export interface D1State {
  comments: { id: number; submit_key: string }[]
  /** The highest comment id in D1 (0 when there is none). */
  maxId: number
  redirects: { from_path: string; to_path: string; source: string }[]
}

/**
 * The plan once D1's answer is known: comments already imported (their import key is stored) are
 * dropped, and a WordPress id that another comment holds is given up: the row gets a new id above
 * both D1's highest and the export's highest id, so it can never take the id of a comment later in
 * the same import (said in `takenIds`). Redirects already stored with the same target are dropped, as are those whose
 * old address another source (not `wordpress`) owns.
 */
export function resolveAgainstD1(plan: ImportPlan, state: D1State): ImportPlan {
  const keys = new Set(state.comments.map((c) => c.submit_key))
  const owner = new Map(state.comments.map((c) => [c.id, c.submit_key]))
  const takenIds: number[] = []
  const comments: PlannedComment[] = []
  let next = Math.max(state.maxId, ...plan.comments.map((c) => c.wpId))
  for (const c of plan.comments) {
    if (keys.has(c.importKey)) continue
    const holder = owner.get(c.wpId)
    if (holder !== undefined && holder !== c.importKey) {
      takenIds.push(c.wpId)
      comments.push({ ...c, id: ++next })
    } else comments.push(c)
  }
  const stored = new Map(state.redirects.map((r) => [r.from_path, r]))
  const warnings = [...plan.warnings]
  const redirects = plan.redirects.filter((r) => {
    const had = stored.get(r.from)
    if (had && had.source !== 'wordpress') warnings.push(`the old address ${r.from} already leads to ${had.to_path} (set by ${had.source}): left as it is`)
    return !had || (had.source === 'wordpress' && had.to_path !== r.to)
  })
  if (takenIds.length)
    warnings.push(`${takenIds.length} WordPress comment ids are held by other comments here (${takenIds.slice(0, 20).join(', ')}${takenIds.length > 20 ? '…' : ''}): those comments get new ids from ${Math.max(state.maxId, ...plan.comments.map((c) => c.wpId)) + 1} on, so their old #comment-<id> links do not reach them`)
  return { ...plan, comments, commentsAlready: plan.comments.length - comments.length, takenIds, redirects, warnings }
}

/** SQL text literal: quotes doubled (the export is XML, so it holds no NUL to worry about). */
export function sqlText(value: string | null): string {
  return value === null ? 'NULL' : `'${value.replace(/'/g, "''")}'`
}

/**
 * One comment as an INSERT with literals only (D1's limit of 100 bound parameters does not apply
 * to a `--file`). It inserts nothing when the import key is already stored, takes its planned id
 * unless a row holds it at that moment (a reader commented meanwhile: then SQLite's next id), and finds the parent by its import key: the file may be
 * replayed, and ids need not be known before it runs. No IP (Palabre keeps only HMACs keyed with
 * its own secret), no notification wish (nobody is subscribed by an import).
 */
export function commentInsertSql(c: PlannedComment): string {
  const id = c.id === null ? 'NULL' : `CASE WHEN EXISTS (SELECT 1 FROM comments WHERE id = ${c.id}) THEN NULL ELSE ${c.id} END`
  const parent = c.parentKey === null ? 'NULL' : `(SELECT id FROM comments WHERE submit_key = ${sqlText(c.parentKey)})`
  const values = [
    id, sqlText(c.postSlug), parent, sqlText(c.authorName), sqlText(c.authorEmail), sqlText(c.body), sqlText(c.bodyHtml),
    String(c.renderVersion), sqlText(c.status), String(c.createdAt), String(c.createdAt), 'NULL', c.isAuthor ? '1' : '0', 'NULL', sqlText(c.importKey),
  ]
  return `INSERT INTO comments (id, post_slug, parent_id, author_name, author_email, body, body_html, render_version, status, created_at, updated_at, ip_hmac, is_author, notify, submit_key)
SELECT ${values.join(', ')} WHERE NOT EXISTS (SELECT 1 FROM comments WHERE submit_key = ${sqlText(c.importKey)});`
}

export function redirectUpsertSql(r: PlannedRedirect, now: number): string {
  return `INSERT INTO redirects (from_path, to_path, source, created_at) VALUES (${sqlText(r.from)}, ${sqlText(r.to)}, 'wordpress', ${now})
ON CONFLICT (from_path) DO UPDATE SET to_path = excluded.to_path WHERE redirects.source = 'wordpress';`
}

/** Statements split into files of at most `maxBytes` each (D1 takes big files, but a failed chunk is cheaper to replay). */
export function chunkStatements(statements: string[], maxBytes = 4_000_000): { sql: string; count: number }[] {
  const chunks: { sql: string; count: number }[] = []
  let current = { sql: '', count: 0 }
  for (const statement of statements) {
    if (current.count && current.sql.length + statement.length > maxBytes) {
      chunks.push(current)
      current = { sql: '', count: 0 }
    }
    current.sql += `${statement}\n`
    current.count++
  }
  if (current.count) chunks.push(current)
  return chunks
}
