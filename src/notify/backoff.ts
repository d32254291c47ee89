/** When a failed email is tried again, and when the blog gives up on it. Pure. */

/** Attempts before an email is marked failed (and shown in /admin with a retry button). */
export const MAX_ATTEMPTS = 8

/** The wait after the first failure; it doubles with each failure after that. */
export const FIRST_RETRY_MS = 2 * 60 * 1000

/** The longest wait between two attempts. */
export const MAX_RETRY_MS = 4 * 60 * 60 * 1000

/**
 * How long to wait after failed attempt number `attempts` (1 for the first): 2, 4, 8 … minutes,
 * at most MAX_RETRY_MS. With MAX_ATTEMPTS = 8 the blog keeps trying for about four hours, which
 * rides out a provider's outage without hammering it. The cron runs every minute, so a wait is
 * honoured to within a minute.
 */
export function retryDelayMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_MS)
}

/** After failed attempt number `attempts`: try again at the returned time, or give up (null). */
export function nextAttemptAt(attempts: number, now: number, permanent = false): number | null {
  if (permanent || attempts >= MAX_ATTEMPTS) return null
  return now + retryDelayMs(attempts)
}
