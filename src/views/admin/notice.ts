import { MODERATION_ACTIONS, type ModerationStatus } from '../../comments/moderation'
import { ADMIN_PATH } from '../../urls'

/**
 * What the admin page confirms after a POST (Post/Redirect/Get): carried in the query string of
 * the redirect, so no flash cookie or server state is needed, and reloading shows it again.
 */
export type Notice =
  | { done: ModerationStatus; n: number }
  | { done: 'replied' }
  | { done: 'none' }

const STATUSES: readonly string[] = Object.values(MODERATION_ACTIONS)

/** The /admin URL that confirms `notice`. */
export function noticePath(notice: Notice): string {
  const query = new URLSearchParams({ done: notice.done })
  if ('n' in notice) query.set('n', String(notice.n))
  return `${ADMIN_PATH}?${query}`
}

/** The notice a /admin query asks to show; undefined for anything else (a hand-edited URL). */
export function parseNotice(query: { done?: string; n?: string }): Notice | undefined {
  const { done, n } = query
  if (done === 'replied' || done === 'none') return { done }
  if (!done || !STATUSES.includes(done) || !/^\d{1,4}$/.test(n ?? '')) return undefined
  return { done: done as ModerationStatus, n: Number(n) }
}
