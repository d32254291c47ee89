import type { DiscussionHost } from '../content/discussion-host'
import type { SiteConfig } from '../content/types'
import { buildAtomFeed } from '../feeds/atom'
import { uiStrings } from '../i18n'
import { homeUrl, SITE_COMMENTS_FEED_PATH } from '../urls'
import { commentEntry, THREAD_NS } from './feed'
import type { CommentRow } from './types'

/** Entries of the site-wide comment feed: the latest ones only, like a post's feed. */
export const SITE_COMMENT_FEED_SIZE = 50

const iso = (ms: number) => new Date(ms).toISOString()

/**
 * The site-wide comment feed (Atom, `/comments.xml`): the latest approved comments on the posts
 * and pages readers may see (`postOf` answers undefined for the others), newest first, at most
 * SITE_COMMENT_FEED_SIZE, each entry as in the post's own feed and titled with the post. `rows`
 * may hold more than the feed shows, and comments of any status: only approved ones are kept.
 * No email, no IP. Pure.
 */
export function buildSiteCommentFeed(
  site: SiteConfig,
  rows: readonly CommentRow[],
  postOf: (slug: string) => DiscussionHost | undefined,
  now: Date,
): string {
  const ui = uiStrings(site.language).comments
  const base = site.baseUrl
  const shown = rows
    .filter((row) => row.status === 'approved' && postOf(row.postSlug) !== undefined)
    .sort((a, b) => b.createdAt - a.createdAt || b.id - a.id)
    .slice(0, SITE_COMMENT_FEED_SIZE)
  const updated = shown.length ? iso(Math.max(...shown.map((row) => row.updatedAt))) : now.toISOString()
  return buildAtomFeed({
    id: base + SITE_COMMENTS_FEED_PATH,
    title: ui.siteFeedTitle(site.title),
    updated,
    lang: site.language,
    links: [
      { rel: 'self', type: 'application/atom+xml', href: base + SITE_COMMENTS_FEED_PATH },
      { rel: 'alternate', type: 'text/html', href: homeUrl(base) },
    ],
    namespaces: { thr: THREAD_NS },
    entries: shown.map((row) => {
      const post = postOf(row.postSlug)!
      const lang = post.lang ?? site.language
      return commentEntry(base, post, row, ui.siteFeedEntryTitle(row.authorName, post.title), lang === site.language ? undefined : lang)
    }),
  })
}
