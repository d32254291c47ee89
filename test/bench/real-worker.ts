import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { unstable_getMiniflareWorkerOptions, unstable_splitSqlQuery } from 'wrangler'
import { insertComment } from '../../src/comments/store'
import type { CommentRow } from '../../src/comments/types'
import { postKey } from '../../src/content/keys'
import { buildDiscussion } from '../fixtures/comments/discussion'
import { seedContent } from '../fixtures/content'
import { buildLargeDiscussion } from './large-discussion'
import type { MiniflareInstance } from './miniflare'
import { BENCH_POST, BENCH_POST_500, samplePostMarkdown } from './sample-post'

const root = path.resolve(import.meta.dirname, '../..')

export interface BundleSize {
  raw: number
  gzip: number
  files: string[]
}

/**
 * Builds the Worker as `wrangler deploy --dry-run --outdir` does (no network) and returns the
 * size of what would be uploaded: every emitted module, source maps and notes aside (gzip at
 * zlib's default level, as wrangler's own "Total Upload" line counts it).
 */
export function buildWorker(outdir: string): BundleSize {
  const wranglerPackage = createRequire(import.meta.url).resolve('wrangler/package.json')
  const wrangler = path.join(path.dirname(wranglerPackage), 'bin/wrangler.js')
  execFileSync(process.execPath, [wrangler, 'deploy', '--dry-run', '--outdir', outdir], {
    cwd: root,
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const files = readdirSync(outdir).filter((f) => !f.endsWith('.map') && !f.endsWith('.md'))
  const bytes = Buffer.concat(files.map((f) => readFileSync(path.join(outdir, f))))
  return { raw: bytes.length, gzip: gzipSync(bytes).length, files }
}

const MODULE_TYPES: Record<string, string> = {
  '.js': 'ESModule',
  '.mjs': 'ESModule',
  '.wasm': 'CompiledWasm',
  '.bin': 'Data',
  '.txt': 'Text',
  '.html': 'Text',
}

/** The dry run's emitted modules, entry first (miniflare 5 only takes explicit module lists). */
function bundleModules(outdir: string): { type: string; path: string }[] {
  const files = readdirSync(outdir).filter((f) => f !== 'index.js' && MODULE_TYPES[path.extname(f)])
  return ['index.js', ...files].map((f) => ({
    type: MODULE_TYPES[path.extname(f)] ?? 'ESModule',
    path: path.join(outdir, f),
  }))
}

/**
 * miniflare options for the built Worker with the bindings wrangler.toml declares (KV, D1,
 * assets, vars; and `.dev.vars` when present, as `wrangler dev` reads it) plus the two secrets.
 */
export function realWorkerOptions(outdir: string): Record<string, unknown> {
  const { modulesRules: _rules, ...workerOptions } = unstable_getMiniflareWorkerOptions(
    path.join(root, 'wrangler.toml'),
  ).workerOptions
  const vars = workerOptions.bindings as Record<string, unknown> | undefined
  return {
    ...workerOptions,
    modules: bundleModules(outdir),
    modulesRoot: outdir,
    bindings: { ...vars, ADMIN_TOKEN: 'bench-admin-token', SIGNING_KEY: 'bench-signing-key' },
  }
}

/** Applies every migration in migrations/ (none is fine) to a fresh local D1. */
export async function migrate(db: D1Database): Promise<number> {
  const dir = path.join(root, 'migrations')
  if (!existsSync(dir)) return 0
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.sql') && statSync(path.join(dir, f)).isFile())
    .sort()
  for (const file of files) {
    const queries = unstable_splitSqlQuery(readFileSync(path.join(dir, file), 'utf8'))
    if (queries.length) await db.batch(queries.map((sql) => db.prepare(sql)))
  }
  return files.length
}

/** Stores `rows` as the write path would (fixture ids mapped to stored ones). */
async function storeRows(db: D1Database, rows: CommentRow[]): Promise<void> {
  const stored = new Map<number, number>()
  for (const { id, updatedAt: _updated, submitKey: _key, ...row } of rows) {
    const parentId = row.parentId === null ? null : stored.get(row.parentId)!
    stored.set(id, (await insertComment(db, { ...row, parentId })).comment.id)
  }
}

/** What the bench seeded. */
export interface Seeded {
  postBytes: number
  migrations: number
  /** Comment rows stored (both discussions, deleted ones included). */
  comments: number
}

/**
 * Gives a running Worker (the real one or a storage floor, bound as CONTENT and DB) its data:
 * the migrated D1 with the fixture's 95-comment discussion on the bench post and a 500-comment
 * one on its twin, and in KV an index and the two ~15 KB posts, written as the publish tool
 * writes them.
 */
export async function seedRealWorker(mf: MiniflareInstance): Promise<Seeded> {
  const db = await mf.getD1Database('DB')
  const migrations = await migrate(db)
  const markdown = samplePostMarkdown()
  await seedContent(await mf.getKVNamespace('CONTENT'), [
    { ...BENCH_POST, markdown, hash: BENCH_HASH },
    { ...BENCH_POST_500, markdown, hash: BENCH_HASH },
    { slug: 'bench-short-post', title: 'A short neighbour', tags: ['bench'] },
  ])
  const rows = [buildDiscussion(BENCH_POST.slug).rows, buildLargeDiscussion(BENCH_POST_500.slug)]
  for (const thread of rows) await storeRows(db, thread)
  return { postBytes: Buffer.byteLength(markdown), migrations, comments: rows.flat().length }
}

// A fixed hash: every instance stores the posts under the same keys, known before it starts.
const BENCH_HASH = 'bench'

/** The KV key of a bench post's HTML in every seeded instance. */
export function benchPostKey(slug: string): string {
  return postKey({ slug, hash: BENCH_HASH })
}
