import { parseXml } from '@rgrove/parse-xml'
import { env, exports } from 'cloudflare:workers'
import { XMLParser } from 'fast-xml-parser'
import { beforeAll, describe, expect, it } from 'vitest'
import type { ContentIndex } from '../../src/content/types'
import { FEED_SIZE, listFeedPosts } from '../../src/feeds/site-feeds'
import { postMeta, seedContent, type PostFixture } from '../fixtures/content'

let hosts = 0
/** A host of its own per test: the Cache API is shared by every test of the run. */
const origin = () => `https://feeds-${++hosts}-${Date.now()}.test`
const get = (path: string) => exports.default.fetch(`${origin()}${path}`)

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, isArray: (n) => ['entry', 'item', 'url', 'category', 'link'].includes(n) })
/** Strictly parsed first (a forbidden character or bad entity throws), then read as objects. */
const parse = (xml: string) => {
  parseXml(xml)
  return parser.parse(xml)
}

const french = 'Café « crème » & déjà-vu <3 😀'
const minutes = (n: number) => new Date(Date.now() + n * 60_000).toISOString()
const old = Array.from({ length: 22 }, (_, i): PostFixture => ({
  slug: `old-${String(i).padStart(2, '0')}`,
  title: `Old ${i}`,
  date: new Date(Date.UTC(2025, 0, 1 + i)).toISOString(),
}))
const posts: PostFixture[] = [
  {
    slug: 'déjà-vu',
    title: french,
    date: minutes(-60),
    updated: minutes(-30),
    tags: ['Café', 'Été'],
    markdown: `Un « texte » accentué 😀.\n\n[lien](/posts/old-00) ![image](/media/a.png) [rel](voisin)\n\nA control char: \u0001.`,
  },
  { slug: 'brouillon', title: 'Brouillon secret', date: minutes(-120), draft: true },
  { slug: 'futur', title: 'Billet futur', date: minutes(10) },
  ...old,
]

let index: ContentIndex
beforeAll(async () => {
  index = await seedContent(env.CONTENT, posts, { title: 'Le « blog »', description: 'Des notes', author: 'Ana', language: 'fr', cacheMaxAge: 86_400 })
})

describe('GET /feed.xml', () => {
  it('is an Atom feed of the newest public posts, newest first, with full absolute HTML', async () => {
    const res = await get('/feed.xml')
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe('application/atom+xml; charset=utf-8')
    const { feed } = parse(await res.text())
    expect(feed.entry).toHaveLength(FEED_SIZE)
    expect(feed.entry[0].title).toBe(french)
    expect(feed.entry[0].id).toBe('https://blog.example/posts/d%C3%A9j%C3%A0-vu')
    expect(feed.entry[1].title).toBe('Old 21')
    // The French post and 19 of the 22 old ones fill the feed.
    expect(feed.entry.at(-1).title).toBe('Old 3')
    const content: string = feed.entry[0].content['#text']
    expect(content).toContain('Un « texte » accentué 😀')
    expect(content).toContain('href="https://blog.example/posts/old-00"')
    expect(content).toContain('src="https://blog.example/media/a.png"')
    expect(content).toContain('href="https://blog.example/posts/voisin"')
    expect(feed.entry[0].category.map((c: { '@term': string }) => c['@term'])).toEqual(['Café', 'Été'])
    expect(feed.link[0]).toMatchObject({ '@rel': 'self', '@href': 'https://blog.example/feed.xml' })
  })

  it('leaves drafts and posts dated in the future out', async () => {
    const body = await (await get('/feed.xml')).text()
    expect(body).not.toContain('Brouillon')
    expect(body).not.toContain('futur')
  })

  it('dates the feed by its latest change', async () => {
    const { feed } = parse(await (await get('/feed.xml')).text())
    expect(feed.updated).toBe(feed.entry[0].updated)
    expect(Date.parse(feed.updated)).toBeGreaterThan(Date.parse(feed.entry[0].published))
  })

  it('sends UTF-8 bytes for accents, guillemets and emoji', async () => {
    const bytes = new Uint8Array(await (await get('/feed.xml')).arrayBuffer())
    const text = new TextDecoder('utf-8').decode(bytes)
    expect(text).not.toContain('\uFFFD')
    expect(text).toContain('Café « crème » &amp; déjà-vu &lt;3 😀')
    expect(text).not.toContain('\u0001')
  })

  it('is cacheable under the list tag, no longer than until the next scheduled post', async () => {
    const res = await get('/feed.xml')
    expect(res.headers.get('Cache-Tag')?.split(',')).toEqual(expect.arrayContaining(['list', 'post:d%C3%A9j%C3%A0-vu']))
    const maxAge = Number(/max-age=(\d+)/.exec(res.headers.get('CDN-Cache-Control') ?? '')?.[1])
    expect(maxAge).toBeGreaterThan(0)
    expect(maxAge).toBeLessThanOrEqual(600)
  })
})

describe('listFeedPosts', () => {
  it('leaves out a post whose body KV does not return yet, rather than sending it empty', async () => {
    const { markdown: _markdown, ...ghost } = postMeta({ slug: 'pas-encore', title: 'Pas encore', date: minutes(-1) })
    const listed = await listFeedPosts(env.CONTENT, { ...index, posts: [ghost, ...index.posts] }, new Date())
    expect(listed.map((post) => post.meta.slug)).not.toContain('pas-encore')
    expect(listed[0]?.meta.slug).toBe('déjà-vu')
    // It keeps its slot: the feed is one shorter until its body arrives (and the publish purges).
    expect(listed).toHaveLength(FEED_SIZE - 1)
  })
})

describe('GET /rss.xml', () => {
  it('is an RSS 2.0 feed of the same posts, with full HTML and RFC 822 dates', async () => {
    const res = await get('/rss.xml')
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe('application/rss+xml; charset=utf-8')
    const { rss } = parse(await res.text())
    const items = rss.channel.item
    expect(items).toHaveLength(FEED_SIZE)
    expect(items.map((i: { title: string }) => i.title).slice(0, 3)).toEqual([french, 'Old 21', 'Old 20'])
    expect(items[0].link[0]).toBe('https://blog.example/posts/d%C3%A9j%C3%A0-vu')
    expect(items[0].description).toContain('src="https://blog.example/media/a.png"')
    expect(items[0].pubDate).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/)
    expect(rss.channel.title).toBe('Le « blog »')
    expect(rss.channel['atom:link']['@href']).toBe('https://blog.example/rss.xml')
  })

  it('leaves drafts and future posts out', async () => {
    const body = await (await get('/rss.xml')).text()
    expect(body).not.toContain('Brouillon')
    expect(body).not.toContain('futur')
  })
})

describe('GET /sitemap.xml', () => {
  it('lists home, the archive and the tags, every public post and each tag page, and nothing unpublished', async () => {
    const res = await get('/sitemap.xml')
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe('application/xml; charset=utf-8')
    expect(res.headers.get('Cache-Tag')).toBe('list')
    const { urlset } = parse(await res.text())
    const locs = urlset.url.map((u: { loc: string }) => u.loc)
    expect(locs).toHaveLength(3 + 1 + old.length + 2)
    expect(locs.slice(0, 3)).toEqual(['https://blog.example/', 'https://blog.example/archive', 'https://blog.example/tags'])
    expect(locs).toContain('https://blog.example/posts/d%C3%A9j%C3%A0-vu')
    expect(locs).toContain('https://blog.example/posts/old-00')
    expect(locs).toContain('https://blog.example/tags/caf%C3%A9')
    expect(locs).toContain('https://blog.example/tags/%C3%A9t%C3%A9')
    expect(locs.some((loc: string) => /brouillon|futur/.test(loc))).toBe(false)
    for (const url of urlset.url) expect(url.lastmod).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/)
  })
})

describe('GET /robots.txt', () => {
  it('allows crawling but the admin and APIs, names the sitemap and is cacheable', async () => {
    const res = await get('/robots.txt')
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe('text/plain; charset=utf-8')
    expect(res.headers.get('Cache-Tag')).toBe('list')
    const lines = (await res.text()).split('\n')
    expect(lines).toEqual(expect.arrayContaining(['User-agent: *', 'Allow: /', 'Disallow: /admin', 'Disallow: /api/', 'Sitemap: https://blog.example/sitemap.xml']))
  })
})
