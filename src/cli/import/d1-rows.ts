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

const COMMENT_COLUMNS = 'id, post_slug, parent_id, author_name, author_email, body, body_html, render_version, status, created_at, updated_at, ip_hmac, is_author, notify, submit_key'

/** One row of a `VALUES` list: id, slug, parent's import key, name, email, body, HTML, version, status, time, author flag, import key. */
function commentValues(c: PlannedComment): string {
  return `(${[
    c.id === null ? 'NULL' : String(c.id), sqlText(c.postSlug), sqlText(c.parentKey), sqlText(c.authorName), sqlText(c.authorEmail),
    sqlText(c.body), sqlText(c.bodyHtml), String(c.renderVersion), sqlText(c.status), String(c.createdAt), c.isAuthor ? '1' : '0',
    sqlText(c.importKey),
  ].join(', ')})`
}

function commentInsert(rows: string[]): string {
  return `INSERT INTO comments (${COMMENT_COLUMNS})
SELECT CASE WHEN v.column1 IS NULL OR EXISTS (SELECT 1 FROM comments t WHERE t.id = v.column1) THEN NULL ELSE v.column1 END,
  v.column2, (SELECT p.id FROM comments p WHERE p.submit_key = v.column3), v.column4, v.column5, v.column6, v.column7,
  v.column8, v.column9, v.column10, v.column10, NULL, v.column11, NULL, v.column12
FROM (VALUES ${rows.join(',\n')}) AS v
WHERE NOT EXISTS (SELECT 1 FROM comments e WHERE e.submit_key = v.column12);`
}

/**
 * The comments as multi-row INSERTs with literals only (D1's limit of 100 bound parameters does
 * not apply to a `--file`; each statement stays under `maxBytes`, below D1's 100 KB per
 * statement). Wrangler spends milliseconds per statement, so rows go many to a statement: by
 * depth, so that a reply's parent was stored by an earlier statement and is found by its import
 * key. A row is skipped when its import key is already stored (the file may be replayed), and
 * takes its planned id unless a row holds it at that moment (a reader commented meanwhile: SQLite
 * then gives the next id). No IP (Palabre keeps only HMACs keyed with its own secret) and no
 * notification wish (nobody is subscribed by an import).
 */
export function commentInsertStatements(comments: PlannedComment[], maxBytes = 90_000): string[] {
  const depth = new Map<string, number>()
  const levels: string[][] = []
  for (const c of comments) {
    const level = c.parentKey === null ? 0 : (depth.get(c.parentKey) ?? -1) + 1
    depth.set(c.importKey, level)
    ;(levels[level] ??= []).push(commentValues(c))
  }
  const statements: string[] = []
  for (const rows of levels) {
    let batch: string[] = []
    let bytes = 0
    for (const row of rows ?? []) {
      if (batch.length && bytes + row.length > maxBytes) {
        statements.push(commentInsert(batch))
        ;[batch, bytes] = [[], 0]
      }
      batch.push(row)
      bytes += row.length + 2
    }
    if (batch.length) statements.push(commentInsert(batch))
  }
  return statements
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
