/** The redirects table in D1 (migrations/0008_redirects.sql): the only module with its SQL. */

/** A stored old address: `fromPath` is its `legacyPathKey`, `toPath` a root-relative path here. */
export interface RedirectRow {
  fromPath: string
  toPath: string
  source: string
  createdAt: number
}

interface RedirectRecord {
  from_path: string
  to_path: string
  source: string
  created_at: number
}

function toRedirect(r: RedirectRecord): RedirectRow {
  return { fromPath: r.from_path, toPath: r.to_path, source: r.source, createdAt: r.created_at }
}

/**
 * The rows of `key` and of `also` (the address a feed belongs to) that exist, in one read of the
 * primary key's index.
 */
export async function getRedirects(db: D1Database, key: string, also: string = key): Promise<RedirectRow[]> {
  const { results } = await db
    .prepare('SELECT from_path, to_path, source, created_at FROM redirects WHERE from_path IN (?1, ?2)')
    .bind(key, also)
    .all<RedirectRecord>()
  return results.map(toRedirect)
}

/** Every stored key, for a Cache API purge of the redirects (which can only delete URL by URL). */
export async function listRedirectKeys(db: D1Database): Promise<string[]> {
  const { results } = await db.prepare('SELECT from_path FROM redirects ORDER BY from_path').all<{ from_path: string }>()
  return results.map((r) => r.from_path)
}
