/**
 * The `cache_purges` table (migration 0006): the only SQL on it. Each function is one statement,
 * so concurrent isolates cannot both decide to send the same purge (D1 runs statements one at a
 * time on the primary). Times are unix milliseconds.
 */

/**
 * Records that a write asks for `tags` to be purged at `now` and returns the tags to purge at
 * once: those quiet for `windowMs` (no purge sent within it) and those whose due purge was never
 * sent (the isolate that should have sent it went away). Every other tag gets a purge due at
 * the end of the window that began with its last purge, which is never later than
 * `now + windowMs`. A tag purged at once is also due again at `now + windowMs`: that settling
 * purge removes a page cached meanwhile from a read that began before the write (or read a
 * replica that had not seen it yet).
 */
export async function askPurge(db: D1Database, tags: readonly string[], now: number, windowMs: number): Promise<AskedPurge> {
  if (tags.length === 0) return { now: [], later: null }
  // SET expressions see the row as it was: `sendNow` is judged on the old sent_at and due_at.
  const sendNow = `((due_at IS NULL AND sent_at + ?2 <= ?1) OR due_at <= ?1)`
  const claim = crypto.randomUUID()
  const { results } = await db
    .prepare(`INSERT INTO cache_purges (tag, sent_at, asked_at, due_at, claim)
        SELECT value, ?1, ?1, ?1 + ?2, ?4 FROM json_each(?3) WHERE true
      ON CONFLICT (tag) DO UPDATE SET
        asked_at = ?1,
        sent_at = CASE WHEN ${sendNow} THEN ?1 ELSE sent_at END,
        due_at = CASE WHEN ${sendNow} THEN ?1 + ?2 WHEN due_at IS NULL THEN sent_at + ?2 ELSE due_at END,
        claim = CASE WHEN ${sendNow} THEN ?4 ELSE claim END
      RETURNING tag, due_at, claim`)
    .bind(now, windowMs, JSON.stringify([...new Set(tags)]), claim)
    .all<{ tag: string; due_at: number; claim: string | null }>()
  const mine = (row: { claim: string | null }) => row.claim === claim
  const later = results.filter((row) => !mine(row)).map((row) => row.due_at)
  return { now: results.filter(mine).map((row) => row.tag), later: later.length ? Math.max(...later) : null }
}

/** What `askPurge` decided: the tags to purge at once, and when the others' purge is due (null: none waits). */
export interface AskedPurge {
  now: string[]
  later: number | null
}

/**
 * Claims every purge due at `now` and returns its tags, to be purged by the caller. A tag whose
 * writes came after its previous purge is due once more `windowMs` later (the settling purge);
 * otherwise nothing stays due. Two flushes at once claim each tag once.
 */
export async function claimDuePurges(db: D1Database, now: number, windowMs: number): Promise<string[]> {
  const { results } = await db
    .prepare(`UPDATE cache_purges SET sent_at = ?1,
        due_at = CASE WHEN asked_at > sent_at THEN ?1 + ?2 END
      WHERE due_at <= ?1 RETURNING tag`)
    .bind(now, windowMs)
    .all<{ tag: string }>()
  return results.map((row) => row.tag)
}

/** Makes `tags` due again at `now`, after their purge failed. */
export async function releasePurges(db: D1Database, tags: readonly string[], now: number): Promise<void> {
  if (tags.length === 0) return
  await db
    .prepare('UPDATE cache_purges SET due_at = ?1, asked_at = MAX(asked_at, sent_at + 1) WHERE tag IN (SELECT value FROM json_each(?2))')
    .bind(now, JSON.stringify([...tags]))
    .run()
}
