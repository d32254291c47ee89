import { MARK_END, MARK_START } from './document'

/**
 * The only SQL on the search index (`search_index`, migrations/0007_search.sql): the Worker's
 * query, and the statements the publish tool sends through `wrangler d1 execute`, which takes
 * no bound parameters, so those are written with SQL literals (`sqlText`).
 */

/** A row of the index as the publish tool compares it with what it would write. */
export interface IndexedDocRow {
  rowid: number
  /** `<kind>:<slug>`: the document's identity. */
  doc: string
  /** Hash of everything the publish tool wrote for it. */
  hash: string
}

export const LIST_INDEXED_SQL = 'SELECT rowid, doc, hash FROM search_index'

/** A document as one index row, its text already capped (`src/cli/search-index.ts`). */
export interface IndexRow {
  doc: string
  kind: string
  path: string
  title: string
  tags: string
  summary: string
  body: string
  lang: string
  publishedAt: number
  hash: string
}

/** `text` as an SQL string literal: quotes doubled; nothing else needs escaping in SQLite. */
export function sqlText(text: string): string {
  return `'${text.replace(/'/g, "''")}'`
}

/** The statement that writes `row` (its old row, if any, deleted by `deleteRowsSql` first). */
export function insertRowSql(row: IndexRow): string {
  const values = [row.title, row.tags, row.summary, row.body, row.doc, row.kind, row.path, row.lang].map(sqlText)
  return `INSERT INTO search_index (title, tags, summary, body, doc, kind, path, lang, published_at, hash) VALUES (${values.join(', ')}, ${Math.trunc(row.publishedAt)}, ${sqlText(row.hash)})`
}

/** The statement that deletes rows by rowid (integers only, so no literal to escape). */
export function deleteRowsSql(rowids: readonly number[]): string {
  return `DELETE FROM search_index WHERE rowid IN (${rowids.map((id) => Math.trunc(id)).join(', ')})`
}

/** One search result as stored. */
export interface SearchRow {
  kind: string
  path: string
  title: string
  lang: string
  published_at: number
  /** Snippets with the matched words between `MARK_START` and `MARK_END`. */
  body_snippet: string
  summary_snippet: string
}

const MARKS = `char(${MARK_START.codePointAt(0)}), char(${MARK_END.codePointAt(0)})`
// bm25 weights, in column order: title, tags, summary, body.
const RANK = 'bm25(search_index, 10.0, 4.0, 2.0, 1.0)'

// Snippets only for the page's rows: in one SELECT, SQLite computes every selected column of
// every match before it sorts and cuts, and snippet() on a long text is the dearest part.
const SEARCH_SQL = `SELECT kind, path, title, lang, published_at,
  snippet(search_index, 3, ${MARKS}, '…', 24) AS body_snippet,
  snippet(search_index, 2, ${MARKS}, '…', 24) AS summary_snippet
FROM search_index WHERE search_index MATCH ?1 AND rowid IN (
  SELECT rowid FROM search_index WHERE search_index MATCH ?1 AND published_at <= ?2
  ORDER BY ${RANK}, published_at DESC LIMIT ?3 OFFSET ?4)
ORDER BY ${RANK}, published_at DESC`

const COUNT_SQL = 'SELECT count(*) AS total FROM search_index WHERE search_index MATCH ?1 AND published_at <= ?2'

/**
 * One page of the documents matching `match` (an FTS5 expression from `matchExpression`, never
 * the reader's text) that are public at `now`, best first (bm25, title weighted above tags,
 * summary and body), ties newest first; and how many match in all. One round trip.
 */
export async function searchIndex(
  db: D1Database | D1DatabaseSession,
  query: { match: string; now: number; limit: number; offset: number },
): Promise<{ rows: SearchRow[]; total: number }> {
  const [page, count] = await db.batch<unknown>([
    db.prepare(SEARCH_SQL).bind(query.match, query.now, query.limit, query.offset),
    db.prepare(COUNT_SQL).bind(query.match, query.now),
  ])
  return { rows: (page!.results as SearchRow[]).map(toSearchRow), total: Number((count!.results[0] as { total: number }).total) }
}

function toSearchRow(row: SearchRow): SearchRow {
  return {
    kind: String(row.kind),
    path: String(row.path),
    title: String(row.title),
    lang: String(row.lang ?? ''),
    published_at: Number(row.published_at),
    body_snippet: String(row.body_snippet ?? ''),
    summary_snippet: String(row.summary_snippet ?? ''),
  }
}
