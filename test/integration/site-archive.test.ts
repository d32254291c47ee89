import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env, exports } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { app } from '../../src/app'
import { adminApi } from '../fixtures/admin'
import { seedContent, type PostFixture } from '../fixtures/content'

let hosts = 0
/** A host of its own per test: the Cache API is shared by every test of the run. */
const origin = () => `https://site-archive-${++hosts}-${Date.now()}.test`
const get = (url: string) => exports.default.fetch(new Request(url, { redirect: 'manual' }))
const text = async (url: string) => (await get(url)).text()

const DAY = 86_400_000
const daysAhead = (n: number) => new Date(Date.now() + n * DAY).toISOString()

const POSTS = [
  { slug: 'spring', title: 'Spring', tags: ['Saisons', 'café'], date: '2026-04-02T08:00:00Z' },
  // 23:30 UTC on 31 March is already April in Paris.
  { slug: 'late-march', title: 'Late March', tags: ['Café'], date: '2026-03-31T23:30:00Z' },
  { slug: 'early-march', title: 'Early March', tags: ['saisons'], date: '2026-03-01T10:00:00Z' },
  { slug: 'last-year', title: 'Last year', date: '2025-12-20T10:00:00Z' },
  { slug: 'hidden', title: 'Hidden draft', tags: ['secret'], draft: true, date: '2026-03-10T10:00:00Z' },
  { slug: 'later', title: 'Later post', tags: ['future'], date: daysAhead(30) },
]

describe('GET /archive', () => {
  it('lists every public post by year and month in the site’s time zone, with its date', async () => {
    await seedContent(env.CONTENT, POSTS, { timeZone: 'Europe/Paris' })
    const html = await text(`${origin()}/archive`)
    expect(html).toContain('<h1>Archive</h1>')
    expect(html).toContain('4 posts')
    const order = [...html.matchAll(/<h2 id="y\d+">(\d+)<\/h2>|<h3>([^<]+)<\/h3>|<a href="\/posts\/([^"]+)"/g)].map((m) => m[1] ?? m[2] ?? m[3])
    expect(order).toEqual(['2026', 'April 2026', 'spring', 'late-march', 'March 2026', 'early-march', '2025', 'December 2025', 'last-year'])
    expect(html).toContain('<time datetime="2026-03-31T23:30:00Z">April 1, 2026</time>')
    expect(html).not.toContain('Hidden draft')
    expect(html).not.toContain('Later post')
  })

  it('speaks the site’s language', async () => {
    await seedContent(env.CONTENT, POSTS, { language: 'fr', timeZone: 'Europe/Paris' })
    const html = await text(`${origin()}/archive`)
    expect(html).toContain('<h1>Archives</h1>')
    expect(html).toContain('<h3>Avril 2026</h3>')
    expect(html).toContain('4 billets')
    expect(html).toContain('<time datetime="2026-03-31T23:30:00Z">1 avril 2026</time>')
  })

  it('is cached under the lists’ tag, capped at the next scheduled post, and purged with it', async () => {
    await seedContent(env.CONTENT, POSTS)
    const base = origin()
    const res = await get(`${base}/archive`)
    expect(res.headers.get('Cache-Tag')).toBe('list')
    const maxAge = Number(/max-age=(\d+)/.exec(res.headers.get('CDN-Cache-Control') ?? '')?.[1])
    expect(maxAge).toBeGreaterThan(0)
    expect(maxAge).toBeLessThanOrEqual(3600)
    expect((await get(`${base}/archive`)).headers.get('X-Cache')).toBe('HIT')
    await adminApi(`${base}/api/admin/purge`, { method: 'POST', body: { tags: ['list'] } })
    expect((await get(`${base}/archive`)).headers.get('X-Cache')).toBe('MISS')
  })
})

describe('GET /tags', () => {
  it('lists every tag of the public posts with its number of posts, linked to its page', async () => {
    await seedContent(env.CONTENT, POSTS)
    const html = await text(`${origin()}/tags`)
    expect(html).toContain('<h1>Tags</h1>')
    const tags = [...html.matchAll(/<li><a href="([^"]+)" rel="tag">([^<]+)<\/a><span class="meta">([^<]+)<\/span><\/li>/g)].map((m) => m.slice(1).join(' | '))
    // Named as the newest post writes them, as their pages are.
    expect(tags).toEqual(['/tags/caf%C3%A9 | café | 2 posts', '/tags/saisons | Saisons | 2 posts'])
    expect(html).not.toContain('secret')
    expect(html).not.toContain('future')
  })

  it('says so when no post has a tag, and is cached under the lists’ tag', async () => {
    await seedContent(env.CONTENT, [{ slug: 'plain', title: 'Plain' }], { language: 'fr' })
    const res = await get(`${origin()}/tags`)
    expect(res.headers.get('Cache-Tag')).toBe('list')
    expect(await res.text()).toContain('Aucune étiquette pour l’instant.')
  })
})

describe('previous and next posts', () => {
  it('link each public post to the one before and after it by date, skipping drafts and scheduled posts', async () => {
    await seedContent(env.CONTENT, POSTS)
    const base = origin()
    const nav = async (slug: string) => /<nav class="post-nav"[\s\S]*?<\/nav>/.exec(await text(`${base}/posts/${slug}`))?.[0] ?? ''
    const middle = await nav('late-march')
    expect(middle).toContain('aria-label="More posts"')
    expect(middle).toContain('<span>Next post</span><a href="/posts/spring" rel="next">Spring</a>')
    expect(middle).toContain('<span>Previous post</span><a href="/posts/early-march" rel="prev">Early March</a>')
    const newest = await nav('spring')
    expect(newest).not.toContain('Later post')
    expect(newest).not.toContain('rel="next"')
    expect(await nav('early-march')).toContain('href="/posts/last-year"')
    expect(await nav('early-march')).not.toContain('Hidden draft')
    expect(await nav('last-year')).not.toContain('rel="prev"')
  })

  it('cap the newest post’s edge lifetime at the next scheduled post, which will be its next one', async () => {
    await seedContent(env.CONTENT, [
      { slug: 'now', title: 'Now', date: new Date(Date.now() - DAY).toISOString() },
      { slug: 'before', title: 'Before', date: new Date(Date.now() - 2 * DAY).toISOString() },
      { slug: 'soon', title: 'Soon', date: new Date(Date.now() + 600_000).toISOString() },
    ])
    const base = origin()
    const maxAge = async (slug: string) => Number(/max-age=(\d+)/.exec((await get(`${base}/posts/${slug}`)).headers.get('CDN-Cache-Control') ?? '')?.[1])
    expect(await maxAge('now')).toBeLessThanOrEqual(600)
    expect(await maxAge('before')).toBe(3600)
  })
})

describe('translations', () => {
  const pair: PostFixture[] = [
    { slug: 'hello', title: 'Hello', date: '2026-01-02T10:00:00Z', translations: { fr: 'bonjour' } },
    { slug: 'bonjour', title: 'Bonjour', lang: 'fr', date: '2026-01-01T10:00:00Z', translations: { en: 'hello' } },
  ]

  it('link each side to the other, named in its language, with hreflang alternates both ways', async () => {
    await seedContent(env.CONTENT, pair)
    const base = origin()
    const hello = await text(`${base}/posts/hello`)
    expect(hello).toContain('<a href="/posts/bonjour" hreflang="fr" lang="fr" rel="alternate">Français</a>')
    expect(hello).toContain('<link rel="alternate" hreflang="en" href="https://blog.example/posts/hello"/>')
    expect(hello).toContain('<link rel="alternate" hreflang="fr" href="https://blog.example/posts/bonjour"/>')
    const bonjour = await text(`${base}/posts/bonjour`)
    expect(bonjour).toContain('Aussi en <a href="/posts/hello" hreflang="en" lang="en" rel="alternate">English</a>')
    expect(bonjour).toContain('<link rel="alternate" hreflang="fr" href="https://blog.example/posts/bonjour"/>')
    expect(bonjour).toContain('<link rel="alternate" hreflang="en" href="https://blog.example/posts/hello"/>')
  })

  it('are in the sitemap as xhtml:link alternates', async () => {
    await seedContent(env.CONTENT, pair)
    const sitemap = await text(`${origin()}/sitemap.xml`)
    expect(sitemap).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">')
    const hello = /<url>\n<loc>https:\/\/blog.example\/posts\/hello<\/loc>[\s\S]*?<\/url>/.exec(sitemap)?.[0]
    expect(hello).toContain('<xhtml:link rel="alternate" hreflang="en" href="https://blog.example/posts/hello"/>')
    expect(hello).toContain('<xhtml:link rel="alternate" hreflang="fr" href="https://blog.example/posts/bonjour"/>')
  })

  it('link nothing readers cannot open: a draft translation stays hidden, while its preview links to the public side', async () => {
    await seedContent(env.CONTENT, [pair[0]!, { ...pair[1]!, draft: true }])
    const base = origin()
    const hello = await text(`${base}/posts/hello`)
    expect(hello).not.toContain('hreflang')
    expect(await text(`${base}/sitemap.xml`)).not.toContain('xhtml:link')
    const ctx = createExecutionContext()
    const preview = await app.fetch(new Request(`${base}/posts/bonjour`), { ...env, DRAFTS: 'preview' }, ctx)
    await waitOnExecutionContext(ctx)
    expect(await preview.text()).toContain('hreflang="en"')
  })
})
