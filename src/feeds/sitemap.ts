import type { PostMeta } from '../content/types'
import { tagSlug } from '../content/slug'
import { homeUrl, postUrl, tagUrl } from '../urls'
import { rfc3339 } from './dates'
import { feedUpdated, lastChanged } from './site-feeds'
import { el, renderXml } from './xml'

/** The Sitemaps 0.9 protocol (sitemaps.org) and robots.txt (RFC 9309). */

export const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9'

export interface SitemapUrl {
  /** Absolute, percent-encoded URL. */
  loc: string
  /** ISO 8601 instant of the page's last change. */
  lastmod?: string
}

/** A `<urlset>` of the URLs, in the order given (at most 50,000 by the protocol). */
export function buildSitemap(urls: SitemapUrl[]): string {
  return renderXml(
    el(
      'urlset',
      { xmlns: SITEMAP_NS },
      urls.map(({ loc, lastmod }) => el('url', {}, el('loc', {}, loc), lastmod && el('lastmod', {}, rfc3339(lastmod)))),
    ),
  )
}

/**
 * The site's pages for `/sitemap.xml`: home (last changed with its newest post), every public
 * post (`metas`, newest first), then each tag page (last changed with its newest post). Tags
 * that share a slug share one page and appear once.
 */
export function siteSitemapUrls(baseUrl: string, metas: PostMeta[], now: Date): SitemapUrl[] {
  const tags = new Map<string, { tag: string; metas: PostMeta[] }>()
  for (const meta of metas) {
    for (const tag of meta.tags) {
      const slug = tagSlug(tag)
      if (!slug) continue
      const entry = tags.get(slug) ?? { tag, metas: [] }
      entry.metas.push(meta)
      tags.set(slug, entry)
    }
  }
  const tagUrls = [...tags.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, { tag, metas: tagged }]) => ({ loc: tagUrl(baseUrl, tag), lastmod: feedUpdated(tagged, now) }))
  return [
    { loc: homeUrl(baseUrl), lastmod: metas.length ? feedUpdated(metas, now) : undefined },
    ...metas.map((meta) => ({ loc: postUrl(baseUrl, meta.slug), lastmod: lastChanged(meta) })),
    ...tagUrls,
  ]
}

/** robots.txt: everything may be crawled except the admin and the APIs; names the sitemap. */
export function buildRobotsTxt(baseUrl: string): string {
  return ['User-agent: *', 'Allow: /', 'Disallow: /admin', 'Disallow: /api/', '', `Sitemap: ${baseUrl}/sitemap.xml`, ''].join('\n')
}
