/**
 * The admin sessions table (migrations/0005): the only SQL on it. Rows are keyed by the SHA-256
 * of the session id, never the id itself, so reading the table does not let anyone sign in.
 */
import { toHex } from './hmac'

async function idHash(sessionId: string): Promise<string> {
  return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(sessionId))))
}

/** Stores a new session and sweeps the expired ones (sign-ins are rare, so this stays small). */
export async function insertSession(db: D1Database, sessionId: string, now: number, expiresAt: number): Promise<void> {
  await db.batch([
    db.prepare('DELETE FROM admin_sessions WHERE expires_at <= ?1').bind(now),
    db.prepare('INSERT INTO admin_sessions (id_hash, created_at, expires_at) VALUES (?1, ?2, ?3)')
      .bind(await idHash(sessionId), now, expiresAt),
  ])
}

/** Whether the session exists and has not expired. */
export async function isLiveSession(db: D1Database, sessionId: string, now: number): Promise<boolean> {
  const row = await db.prepare('SELECT 1 AS live FROM admin_sessions WHERE id_hash = ?1 AND expires_at > ?2')
    .bind(await idHash(sessionId), now)
    .first<{ live: number }>()
  return row !== null
}

/** Ends one session; a missing one is not an error. */
export async function deleteSession(db: D1Database, sessionId: string): Promise<void> {
  await db.prepare('DELETE FROM admin_sessions WHERE id_hash = ?1').bind(await idHash(sessionId)).run()
}
