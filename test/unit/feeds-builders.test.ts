import { parseXml } from '@rgrove/parse-xml'
import { XMLParser } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { buildAtomFeed, type AtomEntry } from '../../src/feeds/atom'
import { rfc3339, rfc822 } from '../../src/feeds/dates'
import { buildRssFeed } from '../../src/feeds/rss'
import { el } from '../../src/feeds/xml'

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  isArray: (name) => ['entry', 'item', 'link', 'category', 'author', 'thr:in-reply-to'].includes(name),
})
/** Parsed strictly first (any forbidden character or bad entity throws), then as objects. */
const parse = (xml: string) => {
  parseXml(xml)
  return parser.parse(xml)
}

const nastyTitle = `Tom & Jerry <3 "quotes" 'apos' \u0001\u0008\uFFFE\uD800 Été « ça » 😀`
const cleanTitle = `Tom & Jerry <3 "quotes" 'apos'  Été « ça » 😀`
const html = '<p>a &amp; b <a href="https://x.example/?a=1&amp;b=2">lien</a> « » 😀\u0000</p>'

const entry = (over: Partial<AtomEntry> = {}): AtomEntry => ({
  id: 'https://blog.example/posts/a',
  title: nastyTitle,
  updated: '2026-02-01T10:00:00.000Z',
  published: '2026-01-15T09:00:00.000Z',
  links: [{ rel: 'alternate', type: 'text/html', href: 'https://blog.example/posts/a' }],
  authors: [{ name: 'Ana' }],
  categories: [{ term: 'café & thé' }, { term: 'b' }],
  summary: 'Résumé',
  contentHtml: html,
  ...over,
})

describe('dates', () => {
  it('writes RFC 3339 in UTC without empty fractions', () => {
    expect(rfc3339('2026-01-15T10:00:00+01:00')).toBe('2026-01-15T09:00:00Z')
    expect(rfc3339('2026-01-15T09:00:00.250Z')).toBe('2026-01-15T09:00:00.250Z')
  })
  it('writes RFC 822 with a four-digit year in GMT', () => {
    expect(rfc822('2026-01-15T10:00:00+01:00')).toBe('Thu, 15 Jan 2026 09:00:00 GMT')
  })
  it('throws on an invalid date instead of writing "Invalid Date"', () => {
    expect(() => rfc3339('nope')).toThrow(RangeError)
    expect(() => rfc822('nope')).toThrow(RangeError)
  })
})

describe('buildAtomFeed', () => {
  const xml = buildAtomFeed({
    id: 'https://blog.example/feed.xml',
    title: nastyTitle,
    updated: '2026-02-01T10:00:00.000Z',
    lang: 'fr',
    links: [{ rel: 'self', type: 'application/atom+xml', href: 'https://blog.example/feed.xml' }],
    authors: [{ name: 'Ana', uri: 'https://blog.example/' }],
    entries: [entry(), entry({ id: 'https://blog.example/posts/b', title: 'B', published: undefined, lang: 'en' })],
  })
  const { feed } = parse(xml)

  it('is an Atom feed with its language, self link, author and updated date', () => {
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom')
    expect(feed['@xml:lang']).toBe('fr')
    expect(feed.link[0]).toMatchObject({ '@rel': 'self', '@href': 'https://blog.example/feed.xml' })
    expect(feed.author[0]).toEqual({ name: 'Ana', uri: 'https://blog.example/' })
    expect(feed.updated).toBe('2026-02-01T10:00:00Z')
  })
  it('escapes titles and drops forbidden characters from them', () => {
    expect(feed.title).toBe(cleanTitle)
    expect(feed.entry[0].title).toBe(cleanTitle)
  })
  it('sends the HTML content escaped as type="html", byte for byte once unescaped', () => {
    expect(feed.entry[0].content).toEqual({ '#text': html.replace('\u0000', ''), '@type': 'html' })
  })
  it('writes entries in order with ids, dates, links, categories and a per-entry language', () => {
    expect(feed.entry.map((e: { id: string }) => e.id)).toEqual(['https://blog.example/posts/a', 'https://blog.example/posts/b'])
    expect(feed.entry[0].published).toBe('2026-01-15T09:00:00Z')
    expect(feed.entry[0].updated).toBe('2026-02-01T10:00:00Z')
    expect(feed.entry[1].published).toBeUndefined()
    expect(feed.entry[1]['@xml:lang']).toBe('en')
    expect(feed.entry[0].category.map((c: { '@term': string }) => c['@term'])).toEqual(['café & thé', 'b'])
    expect(feed.entry[0].link[0]['@href']).toBe('https://blog.example/posts/a')
  })
  it('takes extension namespaces, elements and link attributes, as a threaded comment feed needs', () => {
    const thr = 'http://purl.org/syndication/thread/1.0'
    const comments = parse(
      buildAtomFeed({
        id: 'https://blog.example/posts/a/comments.xml',
        title: 'Comments',
        updated: '2026-02-01T10:00:00Z',
        namespaces: { thr },
        links: [{ rel: 'replies', href: 'https://blog.example/posts/a', attrs: { 'thr:count': '2' } }],
        entries: [
          entry({
            id: 'https://blog.example/posts/a/comments/7',
            extensions: [el('thr:in-reply-to', { ref: 'https://blog.example/posts/a/comments/3', href: 'https://blog.example/posts/a/comments/3' })],
          }),
        ],
      }),
    ).feed
    expect(comments['@xmlns:thr']).toBe(thr)
    expect(comments.link[0]['@thr:count']).toBe('2')
    expect(comments.entry[0]['thr:in-reply-to'][0]['@ref']).toBe('https://blog.example/posts/a/comments/3')
  })
})

describe('buildRssFeed', () => {
  const { rss } = parse(
    buildRssFeed({
      title: nastyTitle,
      link: 'https://blog.example/',
      description: 'Un blog',
      selfUrl: 'https://blog.example/rss.xml',
      lang: 'fr',
      lastBuildDate: '2026-02-01T10:00:00Z',
      items: [
        { title: nastyTitle, link: 'https://blog.example/posts/a', guid: 'https://blog.example/posts/a', pubDate: '2026-01-15T09:00:00Z', creator: 'Ana', categories: ['café & thé'], descriptionHtml: html },
      ],
    }),
  )
  const channel = rss.channel

  it('is RSS 2.0 with a self link and RFC 822 dates', () => {
    expect(rss['@version']).toBe('2.0')
    expect(channel['atom:link']).toMatchObject({ '@rel': 'self', '@href': 'https://blog.example/rss.xml' })
    expect(channel.lastBuildDate).toBe('Sun, 01 Feb 2026 10:00:00 GMT')
    expect(channel.item[0].pubDate).toBe('Thu, 15 Jan 2026 09:00:00 GMT')
  })
  it('escapes titles, keeps the full HTML and names the author and categories', () => {
    const [item] = channel.item
    expect(channel.title).toBe(cleanTitle)
    expect(item.title).toBe(cleanTitle)
    expect(item.description).toBe(html.replace('\u0000', ''))
    expect(item['dc:creator']).toBe('Ana')
    expect(item.category).toEqual(['café & thé'])
    expect(item.guid).toEqual({ '#text': 'https://blog.example/posts/a', '@isPermaLink': 'true' })
  })
})
