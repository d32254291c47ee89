import * as z from 'zod'
import type { ApiError } from '../errors'
import {
  deleteBanStatements,
  getBan,
  insertBan,
  listMoves,
  recordMovesStatement,
  type BanRow,
} from './bans-store'
import { getComment, listPendingOfPoster, restorePending, spamPending } from './store'

/**
 * Banning a commenter (the admin's): by the IP HMAC and email of one of their comments, or by an
 * email. Their later comments go to spam silently (`moderationDecision`); their pending ones go
 * to spam when the ban is made, and lifting the ban puts those back in the queue.
 */

/** Whom to ban: whoever wrote a comment, or an email address. */
export type BanTarget = { commentId: number } | { email: string }

const EMAIL = z.email()

/** A ban request as the API and the admin form send it, or what is wrong with it (400). */
export function parseBanTarget(raw: unknown): { ok: true; target: BanTarget } | { ok: false; error: ApiError } {
  const message = 'Send JSON {"commentId": <id>} to ban whoever wrote that comment, or {"email": "someone@example.com"}.'
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, error: { code: 'invalid_request', message } }
  const keys = Object.keys(raw)
  const { commentId, email } = raw as Record<string, unknown>
  if (keys.length !== 1 || (commentId === undefined && email === undefined)) return { ok: false, error: { code: 'invalid_request', message } }
  if (commentId !== undefined) {
    if (typeof commentId === 'number' && Number.isSafeInteger(commentId) && commentId > 0) return { ok: true, target: { commentId } }
    const why = `commentId must be a comment id (a positive whole number), not ${JSON.stringify(commentId)}.`
    return { ok: false, error: { code: 'invalid_request', message: why, fields: { commentId: why } } }
  }
  if (typeof email === 'string' && EMAIL.safeParse(email.trim()).success) return { ok: true, target: { email: email.trim().toLowerCase() } }
  const why = `email must be an email address such as "someone@example.com", not ${JSON.stringify(email)}.`
  return { ok: false, error: { code: 'invalid_request', message: why, fields: { email: why } } }
}

/** A ban made (or found: the same poster was banned already), and the pending comments it sent to spam. */
export interface BanOutcome {
  ban: BanRow
  created: boolean
  /** Ids of the pending comments this call moved to spam. */
  moved: number[]
}

/**
 * Bans `target`: stores the ban first (so a comment posted meanwhile is already caught), then
 * sends the poster's pending comments to spam and records them, in one batch. Banning the same
 * poster again returns the existing ban (`created: false`) and moves any comment still pending.
 * An error (404 unknown comment, 422 a comment with neither IP nor email) stores nothing.
 */
export async function banCommenter(db: D1Database, target: BanTarget, now = Date.now()): Promise<{ ok: true; outcome: BanOutcome } | { ok: false; error: ApiError }> {
  let who: { email: string | null; ipHmac: string | null; commentId: number | null }
  if ('commentId' in target) {
    const comment = await getComment(db, target.commentId)
    if (!comment) return { ok: false, error: { code: 'not_found', message: `There is no comment ${target.commentId}.` } }
    who = { email: comment.authorEmail?.toLowerCase() ?? null, ipHmac: comment.ipHmac, commentId: comment.id }
    if (who.email === null && who.ipHmac === null) {
      const why = `Comment ${comment.id} has neither an email nor an IP address to ban (the author's own replies have none).`
      return { ok: false, error: { code: 'invalid_input', message: why, fields: { commentId: why } } }
    }
  } else {
    who = { email: target.email, ipHmac: null, commentId: null }
  }
  const { ban, created } = await insertBan(db, who, now)
  const pending = await listPendingOfPoster(db, ban.ipHmac, ban.email)
  const moves = pending.map((row) => ({ commentId: row.id, heldReason: row.heldReason ?? null }))
  const moved = await spamPending(db, moves.map((m) => m.commentId), now, moves.length ? [recordMovesStatement(db, ban.id, moves)] : [])
  return { ok: true, outcome: { ban, created, moved: moved.map((row) => row.id) } }
}

/**
 * Lifts ban `id`: the comments it sent to spam that are still there go back to the queue with
 * the reason they were held for, and the ban is deleted, in one batch. Null when there is no such ban.
 */
export async function liftBan(db: D1Database, id: number, now = Date.now()): Promise<{ ban: BanRow; restored: number[] } | null> {
  const ban = await getBan(db, id)
  if (!ban) return null
  const moves = await listMoves(db, id)
  const restored = await restorePending(db, moves, now, deleteBanStatements(db, id))
  return { ban, restored: restored.map((row) => row.id) }
}
