import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { SEARCH_TAG } from '../cache/tags'
import { LIST_INDEXED_SQL, type IndexedDocRow } from '../search/store'
import { d1Flag } from './backup-d1'
import type { BuiltContent } from './build-index'
import { indexRow, planSearchIndex, searchDocuments, searchStatements, type SearchPlan } from './search-plan'
import type { KvTarget } from './wrangler'
import { runWranglerOrThrow, runWranglerResult } from './wrangler-run'

/**
 * The search index's side of a publish: D1 is compared with the content every time (not only
 * when KV changed), so an index that is empty (the migration just ran, a restore on a new
 * database) or behind (an interrupted publish) is filled by the next publish whatever KV holds.
 */

/** Where the index is: the KV target's D1, in the project at `cwd` (the project root by default). */
export type SearchTarget = KvTarget & { cwd?: string }


/**
 * What the publish changes in the index of `target`'s D1, from one read of its rows; null when
 * the database has no index yet (its migrations not applied): posts are still published.
 */
export async function planSearch(built: BuiltContent, target: SearchTarget): Promise<SearchPlan | null> {
  const read = await runWranglerResult(['d1', 'execute', 'DB', d1Flag(target), '--json', '--command', LIST_INDEXED_SQL], { signal: target.signal, cwd: target.cwd })
  if (read.code !== 0 && /no such table: search_index/.test(read.stdout + read.stderr)) return null
  if (read.code !== 0) throw new Error(`wrangler d1 execute failed (exit ${read.code}):\n${(read.stderr || read.stdout).trim()}`)
  const { stdout } = read
  const results = JSON.parse(stdout.slice(stdout.indexOf('['))) as { results?: IndexedDocRow[] }[]
  const current = results.flatMap((r) => r.results ?? []).map((row) => ({ rowid: Number(row.rowid), doc: String(row.doc), hash: String(row.hash) }))
  return planSearchIndex(current, searchDocuments(built).map(indexRow))
}

/**
 * Writes `plan` to D1: locally in one `d1 execute --file` (one atomic batch); against Cloudflare
 * in `--command` groups, since `--file` goes through D1's import, during which the database
 * answers no query (comments included).
 */
export async function writeSearch(plan: SearchPlan | null, target: SearchTarget): Promise<void> {
  const groups = plan ? searchStatements(plan) : []
  if (!groups.length) return
  if (!target.local) {
    for (const group of groups)
      await runWranglerOrThrow(['d1', 'execute', 'DB', '--remote', '--yes', '--command', group.join(';\n')], { signal: target.signal, cwd: target.cwd })
    return
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'palabre-search-'))
  try {
    const file = path.join(dir, 'search.sql')
    await writeFile(file, `${groups.flat().join(';\n')};\n`)
    await runWranglerOrThrow(['d1', 'execute', 'DB', '--local', '--yes', '--file', file], { signal: target.signal, cwd: target.cwd })
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** The cache tags a search plan makes stale: every search result page, when anything changed. */
export function searchPurgeTags(plan: SearchPlan | null): string[] {
  return !plan || plan.unchanged ? [] : [SEARCH_TAG]
}

/** One line for the publish log. */
export function describeSearch(plan: SearchPlan | null): string {
  if (!plan) return 'Search index not written: this database has no search_index table yet (apply the D1 migrations: npm run deploy, or npm start locally).'
  return `Search index: ${plan.added.length} new, ${plan.changed.length} changed, ${plan.removed.length} removed.`
}
