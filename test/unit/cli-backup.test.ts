import { cp, mkdtemp, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { backupD1, queryD1, restoreD1, type D1Target } from '../../src/cli/backup-d1'
import { backupFileName, exportableTables, restoreScript, tablesOfDump, virtualTablesOf } from '../../src/cli/backup-plan'
import { planSearch, writeSearch } from '../../src/cli/search-index'
import type { BuiltContent } from '../../src/cli/build-index'
import { DEFAULT_SITE } from '../../src/content/site-defaults'
import type { PostMeta } from '../../src/content/types'
import { PROJECT_ROOT } from '../../src/cli/wrangler'
import { runWranglerOrThrow } from '../../src/cli/wrangler-run'

describe('backup planning', () => {
  it('names backups by time, sortably', () => {
    expect(backupFileName(new Date('2026-12-01T08:00:05.123Z'), 'remote')).toBe('backups/palabre-remote-20261201T080005Z.sql')
  })

  it('exports every table unless a virtual table is there, then leaves it and its shadow tables out', () => {
    const plain = [{ name: 'comments', sql: 'CREATE TABLE comments (id)' }, { name: '_cf_KV', sql: 'CREATE TABLE _cf_KV (k)' }]
    expect(exportableTables(plain)).toBeNull()
    const withFts = [...plain, { name: 'search', sql: 'CREATE VIRTUAL TABLE search USING fts5(title)' }, { name: 'search_data', sql: 'CREATE TABLE search_data(id)' }, { name: 'search_idx', sql: 'CREATE TABLE search_idx(x)' }]
    expect(exportableTables(withFts)).toEqual(['comments'])
  })

  it('drops the tables of the dump, children first, before replaying it', () => {
    const dump = 'PRAGMA defer_foreign_keys=TRUE;\nCREATE TABLE IF NOT EXISTS "d1_migrations"(id);\nCREATE TABLE comments (id);\nCREATE TABLE notify_subscriptions (id);\nINSERT INTO comments VALUES(1);'
    expect(tablesOfDump(dump)).toEqual(['d1_migrations', 'comments', 'notify_subscriptions'])
    expect(restoreScript(dump).split('\n').slice(0, 4)).toEqual([
      'PRAGMA defer_foreign_keys=TRUE;',
      'DROP TABLE IF EXISTS "notify_subscriptions";',
      'DROP TABLE IF EXISTS "comments";',
      'DROP TABLE IF EXISTS "d1_migrations";',
    ])
    expect(() => restoreScript('SELECT 1;')).toThrow(/not a `wrangler d1 export`/)
  })

  it('creates again the virtual tables of the migrations the dump records, where missing', () => {
    const migrations = [
      { name: '0001_comments.sql', sql: 'CREATE TABLE comments (id);' },
      { name: '0007_search.sql', sql: "-- CREATE VIRTUAL TABLE IF NOT EXISTS in a comment\nCREATE VIRTUAL TABLE IF NOT EXISTS search_index USING fts5(title, tokenize = 'unicode61 remove_diacritics 2');" },
      { name: '0009_later.sql', sql: 'CREATE VIRTUAL TABLE IF NOT EXISTS later USING fts5(x);' },
    ]
    const dump = `CREATE TABLE comments (id);\nINSERT INTO "d1_migrations" ("id","name","applied_at") VALUES(1,'0001_comments.sql','x'),(7,'0007_search.sql','y');`
    const statements = virtualTablesOf(dump, migrations)
    expect(statements).toEqual(["CREATE VIRTUAL TABLE IF NOT EXISTS search_index USING fts5(title, tokenize = 'unicode61 remove_diacritics 2');"])
    expect(restoreScript(dump, [], statements).trimEnd().endsWith(statements[0]!)).toBe(true)
  })

  it('also drops a later migration’s tables, and leaves a search index (virtual) alone', () => {
    const dump = 'CREATE TABLE comments (id);'
    const current = [
      { name: 'comments', sql: 'CREATE TABLE comments (id)' },
      { name: 'later', sql: 'CREATE TABLE later (id)' },
      { name: 'search_data', sql: 'CREATE TABLE search_data (id)' },
      { name: 'search', sql: 'CREATE VIRTUAL TABLE search USING fts5(t)' },
      { name: '_cf_KV', sql: 'CREATE TABLE _cf_KV (k)' },
    ]
    expect(restoreScript(dump, current).split('\n').slice(1, 4)).toEqual([
      'DROP TABLE IF EXISTS "later";',
      'DROP TABLE IF EXISTS "comments";',
      'CREATE TABLE comments (id);',
    ])
  })
})

describe('backup planning: derived tables (stored discussion pages)', () => {
  const current = [
    { name: 'comments', sql: 'CREATE TABLE comments (id)' },
    { name: 'thread_versions', sql: 'CREATE TABLE thread_versions (post_slug)' },
    { name: 'discussion_pages', sql: 'CREATE TABLE discussion_pages (post_slug, html)' },
  ]

  it('leaves them out of a backup', () => {
    expect(exportableTables(current)).toEqual(['comments', 'thread_versions'])
  })

  it('keeps them through a restore, and empties them after the dump is replayed', () => {
    const lines = restoreScript('CREATE TABLE comments (id);\nCREATE TABLE thread_versions (post_slug);', current).trimEnd().split('\n')
    expect(lines).not.toContain('DROP TABLE IF EXISTS "discussion_pages";')
    expect(lines.at(-1)).toBe('DELETE FROM "discussion_pages";')
  })

  it('creates them where missing, when the dump records their migration, before emptying them', async () => {
    const sql = await readFile(path.join(PROJECT_ROOT, 'migrations/0011_discussion_pages.sql'), 'utf8')
    const dump = `CREATE TABLE comments (id);\nINSERT INTO "d1_migrations" ("id","name","applied_at") VALUES(11,'0011_discussion_pages.sql','x');`
    const statements = virtualTablesOf(dump, [{ name: '0011_discussion_pages.sql', sql }])
    expect(statements).toHaveLength(1)
    expect(statements[0]).toMatch(/^CREATE TABLE IF NOT EXISTS discussion_pages \(/)
    const lines = restoreScript(dump, [{ name: 'comments', sql: 'CREATE TABLE comments (id)' }], statements).trimEnd().split('\n')
    expect(lines.at(-1)).toBe('DELETE FROM "discussion_pages";')
    expect(restoreScript(dump, [], [])).not.toContain('DELETE FROM "discussion_pages";')
  })

  it('creates one from its last definition, when a later migration made it again', async () => {
    const names = ['0011_discussion_pages.sql', '0012_discussion_page_hashes.sql']
    const migrations = await Promise.all(names.map(async (name) => ({ name, sql: await readFile(path.join(PROJECT_ROOT, 'migrations', name), 'utf8') })))
    const dump = `CREATE TABLE comments (id);\nINSERT INTO "d1_migrations" ("id","name","applied_at") VALUES(11,'${names[0]}','x'),(12,'${names[1]}','y');`
    const statements = virtualTablesOf(dump, migrations)
    expect(statements).toHaveLength(1)
    expect(statements[0]).toMatch(/^CREATE TABLE IF NOT EXISTS discussion_pages \([^;]*\bhtml_hash TEXT\b/)
    // A backup from before the later migration creates the table as it was then.
    const older = virtualTablesOf(dump.replace(/,\(12,[^)]*\)/, ''), migrations)
    expect(older).toHaveLength(1)
    expect(older[0]).not.toContain('html_hash')
  })
})

/**
 * The real round trip: wrangler against a private copy of the project (its own .wrangler/state),
 * the real migrations, comments and subscriptions written by SQL, backed up, damaged, restored.
 */
describe('backup and restore of the local D1', () => {
  let dir: string
  let target: D1Target
  // One wrangler at a time: two on one .wrangler/state can fail with SQLITE_BUSY.
  const snapshot = async () => {
    const results = []
    for (const sql of [
      'SELECT id, post_slug, parent_id, author_name, author_email, body, status FROM comments ORDER BY id',
      'SELECT a.email, s.scope, s.post_slug, s.comment_id FROM notify_subscriptions s JOIN notify_addresses a ON a.id = s.address_id ORDER BY s.id',
      'SELECT name FROM d1_migrations ORDER BY id',
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_cf\\_%' ESCAPE '\\' ORDER BY name",
    ])
      results.push(await queryD1(sql, target))
    return results
  }

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'palabre-backup-'))
    for (const entry of ['wrangler.toml', 'migrations']) await cp(path.join(PROJECT_ROOT, entry), path.join(dir, entry), { recursive: true })
    target = { local: true, cwd: dir }
    await runWranglerOrThrow(['d1', 'migrations', 'apply', 'DB', '--local'], { cwd: dir })
    const comment = (id: number, parent: number | null, author: string, body: string, status: string) =>
      `INSERT INTO comments (id, post_slug, parent_id, author_name, author_email, body, body_html, render_version, status, created_at, updated_at, submit_key) VALUES (${id}, 'lecteurs-qui-répondent', ${parent ?? 'NULL'}, '${author}', '${author.toLowerCase()}@example.com', '${body}', '<p>${body}</p>', 1, '${status}', ${1_700_000_000_000 + id}, ${1_700_000_000_000 + id}, 'k${id}')`
    await queryD1(
      [
        comment(1, null, 'Ada', 'Premier « commentaire » l’été', 'approved'),
        comment(2, 1, 'Bob', "A reply; with a quote '' inside", 'approved'),
        comment(3, null, 'Cy', 'Held', 'pending'),
        "INSERT INTO notify_addresses (id, email, created_at, confirmed_at) VALUES (1, 'ada@example.com', 1, 2)",
        "INSERT INTO notify_subscriptions (address_id, scope, post_slug, comment_id, created_at) VALUES (1, 'replies', 'lecteurs-qui-répondent', 1, 3)",
        "INSERT INTO notify_subscriptions (address_id, scope, post_slug, comment_id, created_at) VALUES (1, 'post', 'lecteurs-qui-répondent', NULL, 4)",
      ].join('; '),
      target,
    )
  }, 180_000)

  afterAll(() => rm(dir, { recursive: true, force: true }))

  it('puts back exactly the comments, subscriptions and migrations of the backup', async () => {
    // A search index with a row: the plain export D1 refuses, the backup must not.
    await writeSearch(await planSearch(builtWith('indexé'), target), target)
    await expect(runWranglerOrThrow(['d1', 'export', 'DB', '--local', '--output', path.join(dir, 'plain.sql')], { cwd: dir })).rejects.toThrow(/Virtual Tables/)
    const before = await snapshot()
    expect(before[0]).toHaveLength(3)
    expect(before[1]).toHaveLength(2)
    const backup = await backupD1(target, new Date('2026-12-01T08:00:00Z'))
    expect(path.relative(dir, backup.file)).toBe('backups/palabre-local-20261201T080000Z.sql')
    expect(await readFile(backup.file, 'utf8')).toContain('Premier « commentaire » l’été')

    // Damage, and a table as a migration newer than the backup would add it.
    await queryD1("DELETE FROM notify_subscriptions; UPDATE comments SET status = 'spam' WHERE id = 1; DELETE FROM comments WHERE id = 3; CREATE TABLE later_feature (id INTEGER)", target)
    expect((await snapshot())[0]).toHaveLength(2)

    await restoreD1(backup.file, target)
    expect(await snapshot()).toEqual(before)
    expect(await readFile(backup.file, 'utf8')).not.toContain('search_index')
    // The index was left as it was: the next publish has nothing to rewrite.
    expect((await planSearch(builtWith('indexé'), target))?.unchanged).toBe(true)
  }, 180_000)

  it('restores onto a new database with the search index there, empty, for the next publish to fill', async () => {
    const backup = await backupD1(target, new Date('2026-12-01T09:00:00Z'))
    const fresh = await mkdtemp(path.join(os.tmpdir(), 'palabre-restore-new-'))
    try {
      for (const entry of ['wrangler.toml', 'migrations']) await cp(path.join(PROJECT_ROOT, entry), path.join(fresh, entry), { recursive: true })
      const other = { local: true, cwd: fresh }
      await restoreD1(backup.file, other)
      expect(await queryD1("SELECT name FROM sqlite_master WHERE name = 'search_index'", other)).toEqual([{ name: 'search_index' }])
      expect(await queryD1('SELECT count(*) AS n FROM search_index', other)).toEqual([{ n: 0 }])
      // Every migration is recorded as applied, and the publish fills the index.
      const plan = await planSearch(builtWith('restauré'), other)
      expect(plan?.added).toEqual(['post:restored'])
      await writeSearch(plan, other)
      expect(await queryD1("SELECT doc FROM search_index WHERE search_index MATCH '\"restaure\"'", other)).toEqual([{ doc: 'post:restored' }])
    } finally {
      await rm(fresh, { recursive: true, force: true })
    }
  }, 180_000)
})

/** Content with one published post whose text holds `word` (and SQL-looking, quoted text). */
function builtWith(word: string): BuiltContent {
  const meta: PostMeta = {
    slug: 'restored', title: 'Restored', date: '2026-01-01T00:00:00.000Z', tags: ['sauvegarde'], summary: "L'été; -- pas un commentaire",
    draft: false, comments: true, words: 3, readingMinutes: 1, hash: 'h1',
  }
  return { index: { version: 'v', site: DEFAULT_SITE, posts: [meta] }, bodies: new Map([['post:restored:h1', `<p>Un texte ${word}; DROP TABLE comments; -- 'quoted'</p>`]]) }
}
