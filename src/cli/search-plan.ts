import { pageKey, postKey } from '../content/keys'
import { hashText } from '../hash-text'
import { cleanText, pageDocument, postDocument, type SearchDocument } from '../search/document'
import { deleteRowsSql, insertRowSql, type IndexedDocRow, type IndexRow } from '../search/store'
import type { BuiltContent } from './build-index'

/**
 * Pure parts of writing the search index at publish time (the I/O is src/cli/search-index.ts):
 * which documents, as which rows, and the SQL that turns what D1 holds into that. Runs in Node
 * and, for the tests, in workerd (no Node-only module here).
 */

/** Raise when what a document's row holds changes: every row is then written again. */
export const SEARCH_INDEX_VERSION = 1

/**
 * Every document the index must hold: the published posts (drafts never, even when the local
 * KV holds them for previews; scheduled posts yes, hidden by the query until their date).
 * Pages join here: `...pageDocuments(built)`.
 */
export function searchDocuments(built: BuiltContent): SearchDocument[] {
  const posts = built.index.posts.filter((meta) => !meta.draft).map((meta) => postDocument(meta, built.bodies.get(postKey(meta)) ?? ''))
  const pages = (built.index.pages ?? []).filter((meta) => !meta.draft).map((meta) => pageDocument(meta, built.bodies.get(pageKey(meta)) ?? ''))
  return [...posts, ...pages]
}

/**
 * Byte budgets of a row's text fields, quotes counted twice as the SQL literal writes them: D1
 * refuses a statement over 100,000 bytes, and `wrangler d1 execute` binds nothing, so the whole
 * row is in the statement. A longer post has its text indexed up to the budget.
 */
const BUDGET = { title: 1_000, tags: 2_000, summary: 4_000, body: 80_000 }

/** The index row of `doc`, its text capped to `BUDGET`, with a hash of everything in it. */
export function indexRow(doc: SearchDocument): IndexRow {
  const row = {
    doc: `${doc.kind}:${doc.slug}`,
    kind: doc.kind,
    path: doc.path,
    title: capBytes(cleanText(doc.title), BUDGET.title),
    tags: capBytes(cleanText(doc.tags.join(' ')), BUDGET.tags),
    summary: capBytes(cleanText(doc.summary), BUDGET.summary),
    body: capBytes(cleanText(doc.text), BUDGET.body),
    lang: doc.lang ?? '',
    publishedAt: Date.parse(doc.date),
  }
  return { ...row, hash: hashText(JSON.stringify([SEARCH_INDEX_VERSION, row])) }
}

/** What a publish changes in the index: rows to delete (gone or changed) and rows to write. */
export interface SearchPlan {
  deletes: number[]
  inserts: IndexRow[]
  /** Documents added, changed and removed, by `doc` (`post:<slug>`). */
  added: string[]
  changed: string[]
  removed: string[]
  unchanged: boolean
}

/** Compares what D1 holds (`current`) with the rows the content makes (`next`). */
export function planSearchIndex(current: readonly IndexedDocRow[], next: readonly IndexRow[]): SearchPlan {
  const wanted = new Map(next.map((row) => [row.doc, row]))
  const kept = new Set<string>()
  const deletes: number[] = []
  for (const row of current) {
    // A second row for one document (an interrupted write) goes too.
    if (wanted.get(row.doc)?.hash === row.hash && !kept.has(row.doc)) kept.add(row.doc)
    else deletes.push(row.rowid)
  }
  const held = new Set(current.map((row) => row.doc))
  const inserts = next.filter((row) => !kept.has(row.doc))
  const added = inserts.filter((row) => !held.has(row.doc)).map((row) => row.doc)
  const changed = inserts.filter((row) => held.has(row.doc)).map((row) => row.doc)
  const removed = [...held].filter((doc) => !wanted.has(doc))
  return { deletes, inserts, added, changed, removed, unchanged: !deletes.length && !inserts.length }
}

/**
 * The plan as SQL statements, deletions first, in groups no larger than `maxBytes` each (one
 * `wrangler d1 execute --command` per group against Cloudflare: a command line has a size
 * limit, and a group is a single request, so D1 keeps serving comments in between).
 */
export function searchStatements(plan: SearchPlan, maxBytes = 90_000): string[][] {
  const statements = [
    ...chunk(plan.deletes, 500).map(deleteRowsSql),
    ...plan.inserts.map(insertRowSql),
  ]
  const groups: string[][] = []
  let size = Infinity
  for (const sql of statements) {
    const bytes = utf8Length(sql) + 2
    if (size + bytes > maxBytes) groups.push([]), (size = 0)
    groups.at(-1)!.push(sql)
    size += bytes
  }
  return groups
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size))
}

const encoder = new TextEncoder()
const utf8Length = (text: string) => encoder.encode(text).length

/** `text` cut at the last space before `max` bytes (quotes counting two), whole when it fits. */
export function capBytes(text: string, max: number): string {
  let bytes = 0
  let end = 0
  for (const ch of text) {
    bytes += ch === "'" ? 2 : utf8Length(ch)
    if (bytes > max) {
      const space = text.lastIndexOf(' ', end)
      return text.slice(0, space > 0 ? space : end)
    }
    end += ch.length
  }
  return text
}
