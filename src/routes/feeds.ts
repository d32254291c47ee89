import { Hono } from 'hono'
import { cacheFor } from '../cache/policy'
import { LIST_TAG, postTag } from '../cache/tags'
import { listPublicPosts, secondsUntilNextPost } from '../content/store'
import type { AppEnv } from '../env'
import { ATOM_CONTENT_TYPE } from '../feeds/atom'
import { RSS_CONTENT_TYPE } from '../feeds/rss'
import { buildSiteAtom, buildSiteRss, listFeedPosts } from '../feeds/site-feeds'
import { buildRobotsTxt, buildSitemap, siteSitemapUrls } from '../feeds/sitemap'
import { ATOM_FEED_PATH, ROBOTS_PATH, RSS_FEED_PATH, SITEMAP_PATH } from '../urls'

/** `/feed.xml` (Atom), `/rss.xml`, `/sitemap.xml` and `/robots.txt`: public posts only, cached. */
export const feeds = new Hono<AppEnv>()

feeds.get(ATOM_FEED_PATH, async (c) => {
  const index = c.get('index')
  const now = new Date()
  const posts = await listFeedPosts(c.env.CONTENT, index, now)
  // Feeds carry full bodies, so editing any post in them must purge them too.
  cacheFor(c, [LIST_TAG, ...posts.map((post) => postTag(post.meta.slug))], secondsUntilNextPost(index, now))
  return c.body(buildSiteAtom(index.site, posts, now), 200, { 'Content-Type': ATOM_CONTENT_TYPE })
})

feeds.get(RSS_FEED_PATH, async (c) => {
  const index = c.get('index')
  const now = new Date()
  const posts = await listFeedPosts(c.env.CONTENT, index, now)
  cacheFor(c, [LIST_TAG, ...posts.map((post) => postTag(post.meta.slug))], secondsUntilNextPost(index, now))
  return c.body(buildSiteRss(index.site, posts, now), 200, { 'Content-Type': RSS_CONTENT_TYPE })
})

feeds.get(SITEMAP_PATH, (c) => {
  const index = c.get('index')
  const now = new Date()
  cacheFor(c, [LIST_TAG], secondsUntilNextPost(index, now))
  const urls = siteSitemapUrls(index.site.baseUrl, listPublicPosts(index, now), now, { pages: index.pages, language: index.site.language })
  return c.body(buildSitemap(urls), 200, { 'Content-Type': 'application/xml; charset=utf-8' })
})

feeds.get(ROBOTS_PATH, (c) => {
  cacheFor(c, [LIST_TAG])
  return c.body(buildRobotsTxt(c.get('index').site.baseUrl), 200, { 'Content-Type': 'text/plain; charset=utf-8' })
})
