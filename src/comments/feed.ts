import type { DiscussionHost } from '../content/discussion-host'
import type { SiteConfig } from '../content/types'
import { buildAtomFeed, type AtomEntry } from '../feeds/atom'
import { el } from '../feeds/xml'
import { postLocale, uiStrings } from '../i18n'
import { absoluteUrl, commentPath, commentsFeedPath, type ThreadAddress } from '../urls'
import type { CommentRow } from './types'

/** RFC 4685 (Atom Threading Extensions). */
export const THREAD_NS = 'http://purl.org/syndication/thread/1.0'

/** Comments in a post's feed: the latest ones, so a feed's weight does not follow the discussion's. */
export const COMMENT_FEED_SIZE = 100

const iso = (ms: number) => new Date(ms).toISOString()

/**
 * The comment feed of a post or page (Atom): its approved comments, newest first. Each entry's
 * id is the comment's permalink, and `thr:in-reply-to` names what it answers: the parent
 * comment's entry, or for a top-level comment the post or page (whose id in the site feed is its
 * URL). No email, no IP. A page has no date: its empty feed is dated `now`.
 */
export function buildCommentFeed(site: SiteConfig, post: DiscussionHost, rows: readonly CommentRow[], now = new Date()): string {
  const ui = uiStrings(postLocale(post, site)).comments
  const base = site.baseUrl
  const pageUrl = absoluteUrl(site, post.path)
  const shown = rows
    .filter((row) => row.status === 'approved')
    .sort((a, b) => b.createdAt - a.createdAt || b.id - a.id)
    .slice(0, COMMENT_FEED_SIZE)
  const updated = shown.length ? iso(Math.max(...shown.map((row) => row.updatedAt))) : (post.updated ?? post.date ?? now.toISOString())
  return buildAtomFeed({
    id: base + commentsFeedPath(post),
    title: ui.feedTitle(post.title),
    updated,
    lang: post.lang ?? site.language,
    links: [
      { rel: 'self', type: 'application/atom+xml', href: base + commentsFeedPath(post) },
      { rel: 'alternate', type: 'text/html', href: `${pageUrl}#comments` },
    ],
    namespaces: { thr: THREAD_NS },
    entries: shown.map((row) => commentEntry(base, post, row, ui.feedEntryTitle(row.authorName))),
  })
}

/**
 * One approved comment as an Atom entry: its permalink as id and link, its name as author (never
 * its email), its sanitized HTML, and `thr:in-reply-to` the parent comment's entry or the post
 * or page at `thread` (where the comment's discussion lives).
 */
export function commentEntry(base: string, thread: ThreadAddress, row: CommentRow, title: string, lang?: string): AtomEntry {
  const permalink = (id: number) => base + commentPath(thread, id)
  const answered = row.parentId === null ? base + thread.path : permalink(row.parentId)
  return {
    id: permalink(row.id),
    title,
    updated: iso(row.updatedAt),
    published: iso(row.createdAt),
    links: [{ rel: 'alternate', type: 'text/html', href: permalink(row.id) }],
    authors: [{ name: row.authorName }],
    contentHtml: row.bodyHtml,
    lang,
    extensions: [el('thr:in-reply-to', { ref: answered, href: answered, type: 'text/html' })],
  }
}
