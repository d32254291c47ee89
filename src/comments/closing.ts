import type { PostMeta, SiteConfig } from '../content/types'

/** What closing reads: a post's meta or a discussion host (a page has no date, so never closes by age). */
type Closable = Pick<PostMeta, 'comments' | 'closeAfterDays'> & { date?: string }

/**
 * Closing old discussions, WordPress's `close_comments_days_old`: a post's discussion closes
 * `closeAfterDays` after its date (the post's own front matter over site.yaml's
 * `comments.closeAfterDays`); `comments: false` closes it from the start. A closed discussion
 * still shows its comments; new ones and replies are refused (403 `comments_closed`). Pure.
 */

const DAY_MS = 86_400_000

/** When the discussion of `meta` closes by age (unix ms), or null when it never does. */
export function closesAt(meta: Omit<Closable, 'comments'>, site: Pick<SiteConfig, 'comments'>): number | null {
  if (meta.date === undefined) return null
  const days = meta.closeAfterDays ?? site.comments.closeAfterDays
  return days === undefined ? null : Date.parse(meta.date) + days * DAY_MS
}

/** Whether the post takes new comments at `now`. */
export function commentsOpen(meta: Closable, site: Pick<SiteConfig, 'comments'>, now: Date): boolean {
  const closes = closesAt(meta, site)
  return meta.comments && (closes === null || now.getTime() < closes)
}

/**
 * The post's metadata as readers see it at `now`: `comments` false once its discussion closed
 * by age, so every view and rule that reads `comments` treats it as closed.
 */
export function asOf<T extends Closable>(meta: T, site: Pick<SiteConfig, 'comments'>, now: Date): T {
  return meta.comments && !commentsOpen(meta, site, now) ? { ...meta, comments: false } : meta
}

/**
 * Seconds until an open discussion closes (at least 1), or undefined when it stays as it is:
 * its page's edge lifetime is capped by it, so no cached copy shows the form after closing.
 */
export function secondsUntilClosing(meta: Closable, site: Pick<SiteConfig, 'comments'>, now: Date): number | undefined {
  const closes = closesAt(meta, site)
  if (closes === null || !meta.comments || closes <= now.getTime()) return undefined
  return Math.max(1, Math.ceil((closes - now.getTime()) / 1000))
}
