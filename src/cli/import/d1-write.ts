import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { d1Flag, type D1Target } from '../backup-d1'
import { runWranglerOrThrow } from '../wrangler-run'
import { chunkStatements, sqlText, type D1State } from './d1-rows'

// Which D1 the import writes: `--local` (the state `npm start` serves, under `cwd`) or Cloudflare's.
export type { D1Target }

/**
 * Runs wrangler, once more after a pause when the local database is busy: `npm start`'s workerd
 * holds the same SQLite files, and two processes writing them at once can get SQLITE_BUSY. Every
 * statement the import sends is idempotent, so a replay is safe.
 */
async function wrangler(args: string[], target: D1Target): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    try {
      return (await runWranglerOrThrow(args, { cwd: target.cwd })).stdout
    } catch (err) {
      if (attempt >= 5 || !/SQLITE_BUSY|database is locked/i.test((err as Error).message)) throw err
      await sleep(500 * attempt)
    }
  }
}

/** The rows of each statement of `sql` (several, separated by `;`), in one wrangler run: each costs seconds. */
async function query(sql: string, target: D1Target): Promise<unknown[][]> {
  const stdout = await wrangler(['d1', 'execute', 'DB', d1Flag(target), '--json', '--command', sql], target)
  const results = JSON.parse(stdout.slice(stdout.indexOf('['))) as { results?: unknown[] }[]
  return results.map((r) => r.results ?? [])
}

/** Brings the local database to the current migrations (as `npm start` does); the remote one is `npm run deploy`'s. */
export async function migrateLocal(target: D1Target): Promise<void> {
  if (target.local) await wrangler(['d1', 'migrations', 'apply', 'DB', '--local'], target)
}

/** The comments that hold one of `ids` or an import key of this blog, and every redirect. */
export async function readD1State(ids: number[], keyPrefix: string, target: D1Target): Promise<D1State> {
  const range = ids.length ? `id BETWEEN ${Math.min(...ids)} AND ${Math.max(...ids)} OR ` : ''
  const like = sqlText(`${keyPrefix.replace(/[\\%_]/g, '\\$&')}%`)
  const [comments, max, redirects] = await query(
    `SELECT id, submit_key FROM comments WHERE ${range}submit_key LIKE ${like} ESCAPE '\\';
    SELECT max(id) AS m FROM comments; SELECT from_path, to_path, source FROM redirects`,
    target,
  )
  return {
    comments: comments as D1State['comments'],
    maxId: (max?.[0] as { m: number | null } | undefined)?.m ?? 0,
    redirects: redirects as D1State['redirects'],
  }
}

/** Runs the statements in chunks through `wrangler d1 execute --file`, reporting progress after each. */
export async function executeStatements(statements: string[], target: D1Target, progress: (done: number) => void): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'palabre-import-'))
  try {
    const chunks = chunkStatements(statements)
    let done = 0
    for (const [i, chunk] of chunks.entries()) {
      const file = path.join(dir, `chunk-${i}.sql`)
      await writeFile(file, chunk.sql)
      await wrangler(['d1', 'execute', 'DB', d1Flag(target), '--file', file, '--yes'], target)
      done += chunk.count
      progress(done)
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
