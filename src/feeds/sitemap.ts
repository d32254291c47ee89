import type { PageMeta, PostMeta } from '../content/types'
import { tagSlug } from '../content/slug'
import { ARCHIVE_PATH, homeUrl, pagePath, postUrl, TAGS_PATH, tagUrl } from '../urls'
import { rfc3339 } from './dates'
import { feedUpdated, lastChanged } from './site-feeds'
import { el, renderXml } from './xml'

/** The Sitemaps 0.9 protocol (sitemaps.org) and robots.txt (RFC 9309). */

export const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9'
/** The namespace of `<xhtml:link rel="alternate" hreflang>` in a sitemap (Google's extension). */
export const XHTML_NS = 'http://www.w3.org/1999/xhtml'

export interface SitemapUrl {
  /** Absolute, percent-encoded URL. */
  loc: string
  /** ISO 8601 instant of the page's last change. */
  lastmod?: string
  /** The page in every language it exists in, itself included (translations). */
  alternates?: { hreflang: string; href: string }[]
}

/** A `<urlset>` of the URLs, in the order given (at most 50,000 by the protocol). */
export function buildSitemap(urls: SitemapUrl[]): string {
  const xhtml = urls.some((url) => url.alternates?.length) ? XHTML_NS : undefined
  return renderXml(
    el(
      'urlset',
      { xmlns: SITEMAP_NS, 'xmlns:xhtml': xhtml },
      urls.map(({ loc, lastmod, alternates }) =>
        el(
          'url',
          {},
          el('loc', {}, loc),
          lastmod && el('lastmod', {}, rfc3339(lastmod)),
          alternates?.map(({ hreflang, href }) => el('xhtml:link', { rel: 'alternate', hreflang, href })),
        ),
      ),
    ),
  )
}

/** What the sitemap lists beside the posts: the author's pages, and the site's language for translations. */
export interface SitemapExtras {
  pages?: PageMeta[]
  /** The language of a post without `lang:` (its `hreflang`). */
  language?: string
}

/**
 * The site's pages for `/sitemap.xml`: home (last changed with its newest post), the archive and
 * the list of tags, every public post (`metas`, newest first; with its public translations as
 * alternates), the author's public pages, then each tag page (last changed with its newest
 * post). Tags that share a slug share one page and appear once.
 */
export function siteSitemapUrls(baseUrl: string, metas: PostMeta[], now: Date, extras: SitemapExtras = {}): SitemapUrl[] {
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
  const updated = metas.length ? feedUpdated(metas, now) : undefined
  const pages = (extras.pages ?? []).filter((page) => !page.draft)
  return [
    { loc: homeUrl(baseUrl), lastmod: updated },
    { loc: baseUrl + ARCHIVE_PATH, lastmod: updated },
    { loc: baseUrl + TAGS_PATH, lastmod: updated },
    ...metas.map((meta) => ({ loc: postUrl(baseUrl, meta.slug), lastmod: lastChanged(meta), alternates: alternates(baseUrl, meta, metas, extras.language) })),
    ...pages.map((page) => ({ loc: baseUrl + pagePath(page.slug) })),
    ...tagUrls,
  ]
}

/** The post and its translations among `metas` (the public posts), or undefined when it has none. */
function alternates(baseUrl: string, meta: PostMeta, metas: PostMeta[], language = 'en'): SitemapUrl['alternates'] {
  const others = Object.entries(meta.translations ?? {}).filter(([, slug]) => metas.some((other) => other.slug === slug))
  if (!others.length) return undefined
  return [[meta.lang ?? language, meta.slug], ...others].map(([hreflang, slug]) => ({ hreflang: hreflang!, href: postUrl(baseUrl, slug!) }))
}

/** robots.txt: everything may be crawled except the admin and the APIs; names the sitemap. */
export function buildRobotsTxt(baseUrl: string): string {
  return ['User-agent: *', 'Allow: /', 'Disallow: /admin', 'Disallow: /api/', '', `Sitemap: ${baseUrl}/sitemap.xml`, ''].join('\n')
}
