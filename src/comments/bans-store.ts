import { retryTransient } from '../db/retry'
import type { HeldReason } from './types'

/**
 * The `bans` and `ban_moves` tables (migrations/0009_bans.sql): the only SQL on them. Times are
 * unix milliseconds; emails are stored lowercased.
 */

/** A ban: by email, by IP HMAC, or both (at least one is set). */
export interface BanRow {
  id: number
  email: string | null
  ipHmac: string | null
  /** The comment the ban was made from, if it was. */
  commentId: number | null
  createdAt: number
}

/** A pending comment a ban sent to spam, with the reason it was held for. */
export interface BanMove {
  commentId: number
  heldReason: HeldReason | null
}

interface BanRecord {
  id: number
  email: string | null
  ip_hmac: string | null
  comment_id: number | null
  created_at: number
}

const COLUMNS = 'id, email, ip_hmac, comment_id, created_at'

function toBan(r: BanRecord): BanRow {
  return { id: r.id, email: r.email, ipHmac: r.ip_hmac, commentId: r.comment_id, createdAt: r.created_at }
}

/**
 * Stores a ban once per email and IP HMAC pair: when the same pair is banned already, returns
 * that ban with `created: false`.
 */
export async function insertBan(
  db: D1Database,
  ban: Omit<BanRow, 'id' | 'createdAt'>,
  now: number,
): Promise<{ ban: BanRow; created: boolean }> {
  const email = ban.email?.toLowerCase() ?? null
  const insert = db
    .prepare('INSERT INTO bans (email, ip_hmac, comment_id, created_at) VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING')
    .bind(email, ban.ipHmac, ban.commentId, now)
  const select = db
    .prepare(`SELECT ${COLUMNS} FROM bans WHERE ifnull(email, '') = ifnull(?1, '') AND ifnull(ip_hmac, '') = ifnull(?2, '')`)
    .bind(email, ban.ipHmac)
  const [inserted, selected] = await retryTransient(() => db.batch<BanRecord>([insert, select]))
  const record = selected!.results[0]
  if (!record) throw new Error('ban insert stored no row')
  return { ban: toBan(record), created: inserted!.meta.changes > 0 }
}

export async function getBan(db: D1Database, id: number): Promise<BanRow | null> {
  const record = await db.prepare(`SELECT ${COLUMNS} FROM bans WHERE id = ?1`).bind(id).first<BanRecord>()
  return record ? toBan(record) : null
}

/** Every ban, newest first, at most `limit`. */
export async function listBans(db: D1Database, limit: number): Promise<BanRow[]> {
  const { results } = await db.prepare(`SELECT ${COLUMNS} FROM bans ORDER BY id DESC LIMIT ?1`).bind(limit).all<BanRecord>()
  return results.map(toBan)
}

/** Whether a ban covers this IP HMAC or this email (case-insensitive); false when both are null. */
export async function isBanned(db: D1Database, ipHmac: string | null, email: string | null): Promise<boolean> {
  if (ipHmac === null && email === null) return false
  const found = await db
    .prepare('SELECT 1 AS found FROM bans WHERE (?1 IS NOT NULL AND ip_hmac = ?1) OR (?2 IS NOT NULL AND email = lower(?2)) LIMIT 1')
    .bind(ipHmac, email)
    .first<{ found: number }>()
  return found !== null
}

/** The statement that records the comments ban `banId` moves to spam (idempotent: a repeat adds nothing). */
export function recordMovesStatement(db: D1Database, banId: number, moves: readonly BanMove[]): D1PreparedStatement {
  return db
    .prepare(`INSERT INTO ban_moves (ban_id, comment_id, held_reason)
      SELECT ?1, value ->> '$.id', value ->> '$.reason' FROM json_each(?2) WHERE true ON CONFLICT DO NOTHING`)
    .bind(banId, JSON.stringify(moves.map((m) => ({ id: m.commentId, reason: m.heldReason }))))
}

/** What ban `banId` moved to spam, oldest comment first. */
export async function listMoves(db: D1Database, banId: number): Promise<BanMove[]> {
  const { results } = await db
    .prepare('SELECT comment_id, held_reason FROM ban_moves WHERE ban_id = ?1 ORDER BY comment_id')
    .bind(banId)
    .all<{ comment_id: number; held_reason: HeldReason | null }>()
  return results.map((r) => ({ commentId: r.comment_id, heldReason: r.held_reason }))
}

/** How many comments each of `banIds` moved to spam (0 for none). */
export async function countMoves(db: D1Database, banIds: readonly number[]): Promise<Map<number, number>> {
  const counts = new Map(banIds.map((id) => [id, 0]))
  if (banIds.length === 0) return counts
  const { results } = await db
    .prepare('SELECT ban_id, COUNT(*) AS n FROM ban_moves WHERE ban_id IN (SELECT value FROM json_each(?1)) GROUP BY ban_id')
    .bind(JSON.stringify(banIds))
    .all<{ ban_id: number; n: number }>()
  for (const { ban_id, n } of results) counts.set(ban_id, n)
  return counts
}

/** The statements that lift ban `id`: its record of moves, then the ban itself. */
export function deleteBanStatements(db: D1Database, id: number): D1PreparedStatement[] {
  return [db.prepare('DELETE FROM ban_moves WHERE ban_id = ?1').bind(id), db.prepare('DELETE FROM bans WHERE id = ?1').bind(id)]
}
