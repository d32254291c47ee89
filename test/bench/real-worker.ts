import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { unstable_getMiniflareWorkerOptions, unstable_splitSqlQuery } from 'wrangler'
import { seedContent } from '../fixtures/content'
import type { MiniflareInstance } from './miniflare'
import { BENCH_POST, samplePostMarkdown } from './sample-post'

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
async function migrate(db: D1Database): Promise<number> {
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

/**
 * Gives a running real Worker its data: the migrated D1 and, in KV, an index and one ~15 KB
 * post written as the publish tool writes them. Returns the post's markdown size and how many
 * migrations ran.
 */
export async function seedRealWorker(
  mf: MiniflareInstance,
): Promise<{ postBytes: number; migrations: number }> {
  const migrations = await migrate(await mf.getD1Database('DB'))
  const markdown = samplePostMarkdown()
  await seedContent(await mf.getKVNamespace('CONTENT'), [
    { ...BENCH_POST, markdown },
    { slug: 'bench-short-post', title: 'A short neighbour', tags: ['bench'] },
  ])
  return { postBytes: Buffer.byteLength(markdown), migrations }
}
