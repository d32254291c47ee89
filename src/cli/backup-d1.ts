import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { backupFileName, exportableTables, parseBookmark, restoreScript, virtualTablesOf, type MigrationFile, type TableRow } from './backup-plan'
import { PROJECT_ROOT } from './wrangler'
import { runWranglerOrThrow } from './wrangler-run'

/** Which D1: the local one (`.wrangler/state` under `cwd`, what `npm start` uses) or Cloudflare's. */
export interface D1Target {
  local: boolean
  /** The project whose wrangler config and local state are used; the project root by default. */
  cwd?: string
}

/** The wrangler flag that names `target`'s database. */
export const d1Flag = (target: Pick<D1Target, 'local'>) => (target.local ? '--local' : '--remote')

/** Rows of one SQL query, through `wrangler d1 execute --json`. */
export async function queryD1<T>(sql: string, target: D1Target): Promise<T[]> {
  const { stdout } = await runWranglerOrThrow(['d1', 'execute', 'DB', d1Flag(target), '--json', '--command', sql], { cwd: target.cwd })
  const results = JSON.parse(stdout.slice(stdout.indexOf('['))) as { results?: T[] }[]
  return results.flatMap((r) => r.results ?? [])
}

export interface Backup {
  file: string
  bytes: number
  /** The Time Travel bookmark of the remote database at the time of the backup. */
  bookmark?: string
}

/**
 * Exports the database to `backups/palabre-<where>-<time>.sql` under `cwd`: first, for the remote
 * database, the current Time Travel bookmark (a restore point kept 7 days on the free plan, 30 on
 * the paid one), then the export, which outlives it.
 */
export async function backupD1(target: D1Target, now = new Date()): Promise<Backup> {
  const root = target.cwd ?? PROJECT_ROOT
  const bookmark = target.local
    ? undefined
    : parseBookmark((await runWranglerOrThrow(['d1', 'time-travel', 'info', 'DB'], { cwd: root })).stdout)
  const tables = exportableTables(await queryD1<TableRow>(TABLES, target))
  const file = path.join(root, backupFileName(now, target.local ? 'local' : 'remote'))
  await mkdir(path.dirname(file), { recursive: true })
  const only = (tables ?? []).flatMap((table) => ['--table', table])
  await runWranglerOrThrow(['d1', 'export', 'DB', d1Flag(target), '--output', file, '--skip-confirmation', ...only], { cwd: root })
  return { file, bytes: (await stat(file)).size, bookmark }
}

const TABLES = "SELECT name, sql FROM sqlite_master WHERE type = 'table'"

/** Makes the database what the backup `file` holds (`restoreScript`, virtual tables included), in one `d1 execute --file`. */
export async function restoreD1(file: string, target: D1Target): Promise<void> {
  const dump = await readFile(file, 'utf8')
  const script = restoreScript(dump, await queryD1<TableRow>(TABLES, target), virtualTablesOf(dump, await readMigrations(target)))
  const dir = await mkdtemp(path.join(os.tmpdir(), 'palabre-restore-'))
  try {
    const sql = path.join(dir, 'restore.sql')
    await writeFile(sql, script)
    await runWranglerOrThrow(['d1', 'execute', 'DB', d1Flag(target), '--file', sql, '--yes'], { cwd: target.cwd })
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** The project's migration files (`migrations/`, as wrangler.toml names it in the sample). */
async function readMigrations(target: D1Target): Promise<MigrationFile[]> {
  const dir = path.join(target.cwd ?? PROJECT_ROOT, 'migrations')
  const names = (await readdir(dir)).filter((name) => name.endsWith('.sql')).sort()
  return Promise.all(names.map(async (name) => ({ name, sql: await readFile(path.join(dir, name), 'utf8') })))
}
