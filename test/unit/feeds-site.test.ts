import { parseXml } from '@rgrove/parse-xml'
import { XMLParser } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { DEFAULT_SITE } from '../../src/content/site-defaults'
import { buildSiteAtom, buildSiteRss, feedUpdated, type FeedPost } from '../../src/feeds/site-feeds'
import { buildRobotsTxt, buildSitemap, siteSitemapUrls } from '../../src/feeds/sitemap'
import { postMeta } from '../fixtures/content'

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, isArray: (n) => ['entry', 'item', 'url', 'category', 'link'].includes(n) })
const parse = (xml: string) => {
  parseXml(xml)
  return parser.parse(xml)
}
const site = { ...DEFAULT_SITE, baseUrl: 'https://blog.example', title: 'Le blog', author: 'Ana', language: 'fr' }
const now = new Date('2026-03-01T00:00:00Z')

const newer = postMeta({ slug: 'été', title: 'Été', date: '2026-02-10T08:00:00Z', tags: ['Café', 'b'] })
const older = postMeta({ slug: 'hiver', title: 'Hiver', date: '2026-01-10T08:00:00Z', updated: '2026-02-20T08:00:00Z', tags: ['café'], lang: 'en' })
const feedPost = (meta: typeof newer): FeedPost => ({ meta, url: `https://blog.example/posts/${encodeURIComponent(meta.slug)}`, html: `<p>${meta.title}</p>` })

describe('feedUpdated', () => {
  it('is the latest updated-or-date among the posts, not just the first one', () => {
    expect(feedUpdated([newer, older], now)).toBe('2026-02-20T08:00:00.000Z')
  })
  it('falls back to the given time when there are no posts', () => {
    expect(feedUpdated([], now)).toBe(now.toISOString())
  })
})

describe('buildSiteAtom', () => {
  const { feed } = parse(buildSiteAtom(site, [feedPost(newer), feedPost(older)], now))
  it('uses the post URL as a stable id and link, and tags as categories', () => {
    expect(feed.entry[0].id).toBe('https://blog.example/posts/%C3%A9t%C3%A9')
    expect(feed.entry[0].link[0]['@href']).toBe(feed.entry[0].id)
    expect(feed.entry[0].category.map((c: { '@term': string }) => c['@term'])).toEqual(['Café', 'b'])
  })
  it('dates entries by updated (else date) and publication, and the feed by its latest change', () => {
    expect(feed.entry[1].updated).toBe('2026-02-20T08:00:00Z')
    expect(feed.entry[1].published).toBe('2026-01-10T08:00:00Z')
    expect(feed.updated).toBe('2026-02-20T08:00:00Z')
  })
  it('links itself and the home page, names the author and marks a post in another language', () => {
    expect(feed.link.map((l: { '@rel': string; '@href': string }) => [l['@rel'], l['@href']])).toEqual([
      ['self', 'https://blog.example/feed.xml'],
      ['alternate', 'https://blog.example/'],
    ])
    expect(feed.author.name).toBe('Ana')
    expect(feed.entry[0]['@xml:lang']).toBeUndefined()
    expect(feed.entry[1]['@xml:lang']).toBe('en')
  })
})

describe('a site without posts', () => {
  it('still has valid feeds, dated now', () => {
    const { feed } = parse(buildSiteAtom(site, [], now))
    expect(feed.entry).toBeUndefined()
    expect(feed.updated).toBe('2026-03-01T00:00:00Z')
    expect(parse(buildSiteRss(site, [], now)).rss.channel.item).toBeUndefined()
  })
})

describe('buildSiteRss', () => {
  it('lists the same posts with permalink guids and the full HTML', () => {
    const { rss } = parse(buildSiteRss(site, [feedPost(newer), feedPost(older)], now))
    expect(rss.channel.item.map((i: { title: string }) => i.title)).toEqual(['Été', 'Hiver'])
    expect(rss.channel.item[0].guid['#text']).toBe('https://blog.example/posts/%C3%A9t%C3%A9')
    expect(rss.channel.item[0].description).toBe('<p>Été</p>')
    expect(rss.channel.lastBuildDate).toBe('Fri, 20 Feb 2026 08:00:00 GMT')
  })
})

describe('siteSitemapUrls', () => {
  const urls = siteSitemapUrls(site.baseUrl, [newer, older], now)
  it('lists home, the archive and the tags, then posts with their last change, then each tag page once', () => {
    expect(urls).toEqual([
      { loc: 'https://blog.example/', lastmod: '2026-02-20T08:00:00.000Z' },
      { loc: 'https://blog.example/archive', lastmod: '2026-02-20T08:00:00.000Z' },
      { loc: 'https://blog.example/tags', lastmod: '2026-02-20T08:00:00.000Z' },
      { loc: 'https://blog.example/posts/%C3%A9t%C3%A9', lastmod: '2026-02-10T08:00:00Z' },
      { loc: 'https://blog.example/posts/hiver', lastmod: '2026-02-20T08:00:00Z' },
      { loc: 'https://blog.example/tags/b', lastmod: '2026-02-10T08:00:00.000Z' },
      { loc: 'https://blog.example/tags/caf%C3%A9', lastmod: '2026-02-20T08:00:00.000Z' },
    ])
  })
  it('gives home, the archive and the tags no lastmod on a site without posts', () => {
    expect(siteSitemapUrls(site.baseUrl, [], now)).toEqual(
      ['/', '/archive', '/tags'].map((path) => ({ loc: `https://blog.example${path}`, lastmod: undefined })),
    )
  })
})

describe('buildSitemap', () => {
  it('is a sitemaps.org urlset with escaped locations and RFC 3339 lastmod', () => {
    const { urlset } = parse(buildSitemap([{ loc: 'https://blog.example/?a=1&b=2', lastmod: '2026-02-10T08:00:00.000Z' }, { loc: 'https://blog.example/x' }]))
    expect(urlset['@xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9')
    expect(urlset.url).toEqual([{ loc: 'https://blog.example/?a=1&b=2', lastmod: '2026-02-10T08:00:00Z' }, { loc: 'https://blog.example/x' }])
  })
})

describe('buildRobotsTxt', () => {
  it('allows everything but the admin and the APIs, and names the sitemap', () => {
    expect(buildRobotsTxt('https://blog.example')).toBe(
      'User-agent: *\nAllow: /\nDisallow: /admin\nDisallow: /api/\n\nSitemap: https://blog.example/sitemap.xml\n',
    )
  })
})
