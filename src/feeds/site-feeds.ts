import { getPost, listPublicPosts } from '../content/store'
import type { ContentIndex, PostMeta, SiteConfig } from '../content/types'
import { homeUrl, postUrl } from '../urls'
import { absolutizeHtml } from './absolute-urls'
import { buildAtomFeed } from './atom'
import { buildRssFeed } from './rss'

/** Posts in the site's feeds: a fixed number, so a feed's weight does not follow the page size. */
export const FEED_SIZE = 20

/** A post as a feed shows it: its metadata, URL and full HTML with absolute URLs. */
export interface FeedPost {
  meta: PostMeta
  url: string
  html: string
}

/**
 * The newest `FEED_SIZE` public posts at `now`, newest first, rendered. A post whose body KV
 * does not return yet (it propagates after the index) is left out rather than sent empty: a
 * reader that saw an empty entry would never fetch it again.
 */
export async function listFeedPosts(kv: KVNamespace, index: ContentIndex, now: Date): Promise<FeedPost[]> {
  const { baseUrl } = index.site
  const metas = listPublicPosts(index, now).slice(0, FEED_SIZE)
  const posts = await Promise.all(metas.map((meta) => getPost(kv, meta)))
  return posts.flatMap((post) => {
    if (!post) return []
    const url = postUrl(baseUrl, post.slug)
    const { html, ...meta } = post
    // The HTML of the post's page (same anchors, labels, rels and image sizes), made to stand alone.
    return [{ meta, url, html: absolutizeHtml(html, baseUrl, url) }]
  })
}

/** When the post last changed: `updated`, else its date. */
export function lastChanged(meta: PostMeta): string {
  return meta.updated ?? meta.date
}

/** The latest change among the posts, or `fallback` when there are none. */
export function feedUpdated(metas: PostMeta[], fallback: Date): string {
  const times = metas.map((meta) => Date.parse(lastChanged(meta)))
  return new Date(times.length ? Math.max(...times) : fallback.getTime()).toISOString()
}

/** The site's Atom feed (`/feed.xml`). Entry ids are post URLs, so they stay stable. */
export function buildSiteAtom(site: SiteConfig, posts: FeedPost[], now: Date): string {
  return buildAtomFeed({
    id: `${site.baseUrl}/feed.xml`,
    title: site.title,
    subtitle: site.description,
    updated: feedUpdated(posts.map((post) => post.meta), now),
    lang: site.language,
    links: [
      { rel: 'self', type: 'application/atom+xml', href: `${site.baseUrl}/feed.xml` },
      { rel: 'alternate', type: 'text/html', href: homeUrl(site.baseUrl) },
    ],
    authors: [{ name: site.author, uri: homeUrl(site.baseUrl) }],
    entries: posts.map(({ meta, url, html }) => ({
      id: url,
      title: meta.title,
      updated: lastChanged(meta),
      published: meta.date,
      links: [{ rel: 'alternate', type: 'text/html', href: url }],
      authors: [{ name: site.author }],
      categories: meta.tags.map((tag) => ({ term: tag })),
      summary: meta.summary,
      contentHtml: html,
      lang: meta.lang && meta.lang !== site.language ? meta.lang : undefined,
    })),
  })
}

/** The site's RSS 2.0 feed (`/rss.xml`): the same posts, full HTML in `description`. */
export function buildSiteRss(site: SiteConfig, posts: FeedPost[], now: Date): string {
  return buildRssFeed({
    title: site.title,
    link: homeUrl(site.baseUrl),
    description: site.description,
    selfUrl: `${site.baseUrl}/rss.xml`,
    lang: site.language,
    lastBuildDate: feedUpdated(posts.map((post) => post.meta), now),
    items: posts.map(({ meta, url, html }) => ({
      title: meta.title,
      link: url,
      guid: url,
      pubDate: meta.date,
      creator: site.author,
      categories: meta.tags,
      descriptionHtml: html,
    })),
  })
}
