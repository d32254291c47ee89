import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env, exports } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { app } from '../../src/app'
import { RESERVED_SEGMENTS } from '../../src/urls'
import { adminApi, postForm } from '../fixtures/admin'
import { seedContent, seedPages } from '../fixtures/content'

let hosts = 0
/** A host of its own per test: the Cache API is shared by every test of the run. */
const origin = () => `https://site-pages-${++hosts}-${Date.now()}.test`
const get = (url: string) => exports.default.fetch(new Request(url, { redirect: 'manual' }))

/** The Worker's app with `DRAFTS = "preview"`, as `npm start` runs it for the author. */
async function getAsAuthor(url: string): Promise<Response> {
  const ctx = createExecutionContext()
  const res = await app.fetch(new Request(url), { ...env, DRAFTS: 'preview' }, ctx)
  await waitOnExecutionContext(ctx)
  return res
}

const DAY = 86_400_000
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString()

async function seedSite() {
  const index = await seedContent(env.CONTENT, [
    { slug: 'a-post', title: 'A post', date: daysAgo(1) },
    { slug: 'secret-post', title: 'Secret post', draft: true, date: daysAgo(1) },
  ], { menu: [{ title: 'Elsewhere', url: 'https://elsewhere.example/' }] })
  return seedPages(env.CONTENT, index, [
    { slug: 'about', title: 'About me', menu: 1, markdown: '## Who\n\nI write [here](/archive).' },
    { slug: 'colophon', title: 'Colophon', menu: 2 },
    { slug: 'unlisted', title: 'Unlisted page' },
    { slug: 'wip', title: 'Work in progress', draft: true, menu: 0 },
  ])
}

describe('GET /<page-slug>', () => {
  it('serves the page as the publish tool rendered it, cached under its tag, with a canonical URL', async () => {
    await seedSite()
    const base = origin()
    const res = await get(`${base}/about`)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('<h1>About me</h1>')
    expect(html).toContain('<h2 id="who">Who</h2>')
    expect(html).toContain('<title>About me – Palabre</title>')
    expect(html).toContain('<link rel="canonical" href="https://blog.example/about"/>')
    expect(html).not.toContain('<time')
    expect(res.headers.get('Cache-Tag')).toBe('page:about')
    expect(res.headers.get('X-Cache')).toBe('MISS')
    expect((await get(`${base}/about`)).headers.get('X-Cache')).toBe('HIT')
  })

  it('is served afresh once the publish tool purges its tag', async () => {
    await seedSite()
    const base = origin()
    await (await get(`${base}/about`)).arrayBuffer()
    expect((await get(`${base}/about`)).headers.get('X-Cache')).toBe('HIT')
    expect((await adminApi(`${base}/api/admin/purge`, { method: 'POST', body: { tags: ['page:about'] } })).status).toBe(200)
    expect((await get(`${base}/about`)).headers.get('X-Cache')).toBe('MISS')
  })

  it('answers the not-found page, never cached, for a slug that is no page, a trailing slash and a draft', async () => {
    await seedSite()
    const base = origin()
    for (const path of ['/no-such-page', '/about/', '/wip', '/a-post']) {
      const res = await get(base + path)
      expect(res.status, path).toBe(404)
      expect(res.headers.get('Cache-Control'), path).toBe('no-store')
      expect(await res.text(), path).toContain('<h1>Page not found</h1>')
    }
  })

  it('shows a draft page to its author where DRAFTS is "preview", with a banner, never cached', async () => {
    await seedSite()
    const res = await getAsAuthor(`${origin()}/wip`)
    expect(res.status).toBe(200)
    expect(res.headers.get('Cache-Control')).toBe('no-store')
    const html = await res.text()
    expect(html).toContain('Draft preview: readers cannot see this page.')
    expect(html).toContain('<meta name="robots" content="noindex"/>')
  })

  it('leaves the routes it could shadow alone', async () => {
    await seedSite()
    const base = origin()
    expect((await get(`${base}/admin`)).status).toBe(200)
    expect((await get(`${base}/feed.xml`)).headers.get('Content-Type')).toContain('atom')
    expect((await get(`${base}/tags`)).status).toBe(200)
  })

  it('is in the sitemap, drafts not, and never in feeds or the post list', async () => {
    await seedSite()
    const base = origin()
    const sitemap = await (await get(`${base}/sitemap.xml`)).text()
    expect(sitemap).toContain('<loc>https://blog.example/about</loc>')
    expect(sitemap).toContain('<loc>https://blog.example/unlisted</loc>')
    expect(sitemap).not.toContain('/wip<')
    for (const path of ['/feed.xml', '/rss.xml']) expect(await (await get(base + path)).text(), path).not.toContain('About me')
    const home = await (await get(`${base}/`)).text()
    expect(home.match(/<ol class="post-list">[\s\S]*<\/ol>/)?.[0]).not.toContain('About me')
  })

  it('takes no comment: the form and the API only know posts', async () => {
    await seedSite()
    const base = origin()
    expect((await postForm(`${base}/posts/about/comments`, { author: 'A', body: 'Hi' })).status).toBe(404)
    expect((await get(`${base}/api/posts/about/comments`)).status).toBe(404)
  })
})

describe('page slugs and the routes', () => {
  it('reserve at publish every first path segment a route of the app uses', () => {
    const segments = new Set(app.routes.map((route) => route.path.split('/')[1]!).filter((s) => s && !s.startsWith(':') && s !== '*'))
    const missing = [...segments].filter((segment) => !RESERVED_SEGMENTS.has(segment))
    expect(missing, 'add each to RESERVED_SEGMENTS (src/urls/site-pages.ts)').toEqual([])
  })
})

describe('the header navigation', () => {
  it('lists the menu pages in order, the site’s links, the archive and the tags, in a labelled nav', async () => {
    await seedSite()
    const html = await (await get(`${origin()}/`)).text()
    const nav = /<nav class="site-nav" aria-label="Site">([\s\S]*?)<\/nav>/.exec(html)?.[1]
    expect(nav).toBeDefined()
    const links = [...nav!.matchAll(/<a href="([^"]*)"[^>]*>([^<]*)<\/a>/g)].map((m) => `${m[2]} ${m[1]}`)
    expect(links).toEqual(['About me /about', 'Colophon /colophon', 'Elsewhere https://elsewhere.example/', 'Archive /archive', 'Tags /tags'])
  })

  it('marks the link of the page shown as the current page', async () => {
    await seedSite()
    const base = origin()
    expect(await (await get(`${base}/about`)).text()).toContain('<a href="/about" aria-current="page">About me</a>')
    expect(await (await get(`${base}/archive`)).text()).toContain('<a href="/archive" aria-current="page">Archive</a>')
    const home = await (await get(`${base}/`)).text()
    expect(/<nav class="site-nav"[\s\S]*?<\/nav>/.exec(home)?.[0]).not.toContain('aria-current')
  })
})
