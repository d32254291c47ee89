/**
 * Pure parts of `npm run backup` and `npm run restore`: where a backup goes, which tables it
 * holds, and the SQL that puts one back.
 */

/** Backups are written here, relative to the project root (git-ignored: they hold emails). */
export const BACKUP_DIR = 'backups'

/** `backups/palabre-remote-20261201T080000Z.sql`: sortable, one per second at most. */
export function backupFileName(now: Date, where: 'local' | 'remote'): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')
  return `${BACKUP_DIR}/palabre-${where}-${stamp}.sql`
}

/** A table as `sqlite_master` describes it. */
export interface TableRow {
  name: string
  sql: string | null
}

/**
 * Tables of derived data no backup holds: what the Worker stores to serve faster and rebuilds
 * when it finds none (migrations/0011_discussion_pages.sql: a discussion page's HTML, whose rows
 * can pass the 100 KB an imported statement may have). A restore empties them, and creates them
 * where missing (`virtualTablesOf`), from their last definition: a migration that changes one
 * drops it and creates it again (0012), never alters it.
 */
export const DERIVED_TABLES = ['discussion_pages']

/**
 * The tables a backup exports: not SQLite's or D1's own (`sqlite_*`, `_cf_*`), no derived table
 * (`DERIVED_TABLES`), and no virtual table (FTS5) or its shadow tables: D1 cannot export those,
 * and the search index is rebuilt from content/ by the next publish anyway. Null when every
 * table can be exported as is (an export without `--table` keeps the indexes and triggers too).
 */
export function exportableTables(rows: TableRow[]): string[] | null {
  const virtual = rows.filter((row) => /^\s*CREATE\s+VIRTUAL\s+TABLE/i.test(row.sql ?? '')).map((row) => row.name)
  const isShadow = (name: string) => virtual.some((v) => name.startsWith(`${v}_`))
  const left = (name: string) => virtual.includes(name) || isShadow(name) || DERIVED_TABLES.includes(name)
  const own = rows.filter((row) => !/^(?:sqlite_|_cf_)/i.test(row.name))
  if (!own.some((row) => left(row.name))) return null
  return own.filter((row) => !left(row.name)).map((row) => row.name)
}

const CREATE_TABLE = /^\s*CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(?:"((?:[^"]|"")+)"|`([^`]+)`|\[([^\]]+)\]|([A-Za-z_][\w$]*))/gim

/** The tables a dump (`wrangler d1 export`) creates, in its order. */
export function tablesOfDump(dump: string): string[] {
  return [...dump.matchAll(CREATE_TABLE)].map((m) => (m[1] ? m[1].replace(/""/g, '"') : (m[2] ?? m[3] ?? m[4])!))
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`

/**
 * The SQL that makes the database what the backup `dump` holds: foreign keys checked only at the
 * end; `current` tables the dump does not have (a later migration's) dropped; every table of the
 * dump dropped (children before parents, the reverse of the dump's order); then the dump itself.
 * Virtual tables (a search index, which no export holds) and their shadow tables are left as they
 * are; `virtualTables` (`virtualTablesOf`) creates them, and the derived tables, where they are missing. Derived
 * tables (`DERIVED_TABLES`) are kept and emptied: what they held was derived from the rows the
 * restore replaces. `d1_migrations` comes back with the dump, so migrations newer than the
 * backup run again at the next `npm run deploy` or `npm start`.
 */
export function restoreScript(dump: string, current: TableRow[] = [], virtualTables: string[] = []): string {
  const tables = tablesOfDump(dump)
  if (!tables.length) throw new Error('this file creates no table: it is not a `wrangler d1 export` of the database')
  const kept = new Set(exportableTables(current) ?? current.map((row) => row.name))
  const extra = current.map((row) => row.name).filter((name) => kept.has(name) && !/^(?:sqlite_|_cf_)/i.test(name) && !tables.includes(name))
  const body = dump.replace(/^\s*PRAGMA\s+defer_foreign_keys\s*=\s*\w+\s*;\s*$/gim, '')
  const drops = [...extra, ...[...tables].reverse()].map((t) => `DROP TABLE IF EXISTS ${quote(t)};`)
  const present = new Set([...current.map((row) => row.name), ...tablesOfDump(virtualTables.join('\n'))])
  const emptied = DERIVED_TABLES.filter((name) => present.has(name)).map((t) => `DELETE FROM ${quote(t)};`)
  return ['PRAGMA defer_foreign_keys=TRUE;', ...drops, body.trim(), ...virtualTables, ...emptied, ''].join('\n')
}

/** A migration file: its name, as `d1_migrations` records it, and its SQL. */
export interface MigrationFile {
  name: string
  sql: string
}

/**
 * The virtual tables (the search index) and the derived tables (`DERIVED_TABLES`) that the
 * migrations `dump` records as applied create, as their `CREATE VIRTUAL TABLE IF NOT EXISTS` and
 * `CREATE TABLE IF NOT EXISTS` statements: no export holds them, so a restore on a new database
 * would otherwise leave migrations marked applied and their table missing for good. Each is
 * created empty, where missing; the next publish fills the search index, the next views the
 * derived tables.
 */
export function virtualTablesOf(dump: string, migrations: MigrationFile[]): string[] {
  const derived = DERIVED_TABLES.join('|')
  const statement = new RegExp(`CREATE\\s+(?:VIRTUAL\\s+TABLE\\s+IF\\s+NOT\\s+EXISTS\\b|TABLE\\s+IF\\s+NOT\\s+EXISTS\\s+(?:${derived})\\b)[^;]*;`, 'gi')
  const statements = migrations
    .filter((migration) => dump.includes(`'${migration.name.replace(/'/g, "''")}'`))
    .flatMap((migration) => migration.sql.replace(/^\s*--.*$/gm, '').match(statement) ?? [])
  // A later migration that made a derived table again (dropped, then created with other
  // columns) defines it: only its last statement creates it.
  const table = (sql: string) => tablesOfDump(sql)[0] ?? sql
  return statements.filter((sql, i) => !statements.slice(i + 1).some((later) => table(later) === table(sql)))
}

/** The bookmark in `wrangler d1 time-travel info` output, if any. */
export function parseBookmark(output: string): string | undefined {
  return /bookmark is '([0-9a-f-]{20,})'/i.exec(output)?.[1]
}
