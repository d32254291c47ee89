import { env, exports } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { seedContent, type PostFixture } from '../fixtures/content'

let hosts = 0
/** A host of its own per test: the Cache API is shared by every test of the run. */
const origin = () => `https://pages-home-${++hosts}-${Date.now()}.test`
const get = (url: string) => exports.default.fetch(new Request(url, { redirect: 'manual' }))

const DAY = 86_400_000
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString()

/** `n` public posts, `post-1` the newest. */
const publicPosts = (n: number, prefix: string): PostFixture[] =>
  Array.from({ length: n }, (_, i) => ({ slug: `${prefix}-${i + 1}`, title: `${prefix} number ${i + 1}`, date: daysAgo(i + 1) }))

describe('GET /', () => {
  it('lists public posts newest first as UTF-8 HTML', async () => {
    await seedContent(env.CONTENT, publicPosts(3, 'home'))
    const res = await get(`${origin()}/`)
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe('text/html; charset=UTF-8')
    const html = await res.text()
    const order = ['home number 1', 'home number 2', 'home number 3'].map((t) => html.indexOf(t))
    expect(order).toEqual([...order].sort((a, b) => a - b))
    expect(order[0]).toBeGreaterThan(0)
    expect(html).toContain('<a href="/posts/home-1">home number 1</a>')
    expect(html).toContain('<link rel="canonical" href="https://blog.example/"/>')
    expect(html).toContain('<meta property="og:url" content="https://blog.example/"/>')
  })

  it('never lists drafts or posts dated in the future', async () => {
    await seedContent(env.CONTENT, [
      { slug: 'seen', title: 'Seen post', date: daysAgo(1) },
      { slug: 'drafted', title: 'Drafted post', date: daysAgo(2), draft: true },
      { slug: 'scheduled', title: 'Scheduled post', date: new Date(Date.now() + DAY).toISOString() },
    ])
    const html = await (await get(`${origin()}/`)).text()
    expect(html).toContain('Seen post')
    expect(html).not.toContain('Drafted post')
    expect(html).not.toContain('Scheduled post')
  })

  it('shows tags as links to their pages', async () => {
    await seedContent(env.CONTENT, [{ slug: 'tagged', title: 'Tagged', tags: ['Cuisine Française'], date: daysAgo(1) }])
    const html = await (await get(`${origin()}/`)).text()
    expect(html).toContain(`<a href="/tags/${encodeURIComponent('cuisine-française')}" rel="tag">Cuisine Française</a>`)
  })

  it('answers an empty site with a friendly page', async () => {
    await seedContent(env.CONTENT, [])
    const res = await get(`${origin()}/`)
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('Nothing published yet.')
  })

  // CACHEABILITY (edge-cache middleware): the list is cacheable, so it is not sent no-store.
  it('is cacheable at the edge', async () => {
    await seedContent(env.CONTENT, publicPosts(1, 'cacheable'))
    const res = await get(`${origin()}/`)
    expect(res.headers.get('Cache-Control')).not.toContain('no-store')
  })
})

describe('GET /page/<n>', () => {
  it('splits the list into pages linked with rel=prev and rel=next', async () => {
    await seedContent(env.CONTENT, publicPosts(5, 'paged'), { postsPerPage: 2 })
    const base = origin()
    const first = await (await get(`${base}/`)).text()
    expect(first).toContain('paged number 2')
    expect(first).not.toContain('paged number 3')
    expect(first).toContain('<a class="older" href="/page/2" rel="next">')
    const second = await get(`${base}/page/2`)
    expect(second.status).toBe(200)
    const html = await second.text()
    expect(html).toContain('paged number 3')
    expect(html).toContain('paged number 4')
    expect(html).not.toContain('paged number 2<')
    expect(html).toContain('<a class="newer" href="/" rel="prev">')
    expect(html).toContain('<a class="older" href="/page/3" rel="next">')
    expect(html).toContain('<link rel="canonical" href="https://blog.example/page/2"/>')
    const last = await (await get(`${base}/page/3`)).text()
    expect(last).toContain('paged number 5')
    expect(last).not.toContain('rel="next"')
  })

  it('redirects /page/1 to / for good', async () => {
    await seedContent(env.CONTENT, publicPosts(1, 'one'))
    const res = await get(`${origin()}/page/1`)
    expect(res.status).toBe(301)
    expect(res.headers.get('Location')).toBe('/')
  })

  it('redirects a page number written with leading zeros to its plain form', async () => {
    await seedContent(env.CONTENT, publicPosts(3, 'zeros'), { postsPerPage: 1 })
    const res = await get(`${origin()}/page/02`)
    expect(res.status).toBe(301)
    expect(res.headers.get('Location')).toBe('/page/2')
  })

  it('answers a styled 404 beyond the last page, for page 0 and for a page that is not a number', async () => {
    await seedContent(env.CONTENT, publicPosts(3, 'beyond'), { postsPerPage: 2 })
    const base = origin()
    for (const path of ['/page/3', '/page/0', '/page/two']) {
      const res = await get(`${base}${path}`)
      expect(res.status, path).toBe(404)
      expect(res.headers.get('Content-Type')).toBe('text/html; charset=UTF-8')
      // CACHEABILITY (edge-cache middleware): a 404 is never cached.
      expect(res.headers.get('Cache-Control')).toBe('no-store')
      expect(await res.text()).toContain('<h1>Page not found</h1>')
    }
  })

  it('does not count drafts and future posts when paginating', async () => {
    await seedContent(
      env.CONTENT,
      [...publicPosts(2, 'counted'), { slug: 'hidden-draft', title: 'Hidden', draft: true, date: daysAgo(9) }],
      { postsPerPage: 2 },
    )
    const base = origin()
    expect((await get(`${base}/page/2`)).status).toBe(404)
    expect(await (await get(`${base}/`)).text()).not.toContain('rel="next"')
  })
})

describe('GET /favicon.ico', () => {
  it('redirects to the SVG favicon', async () => {
    const res = await get(`${origin()}/favicon.ico`)
    expect(res.status).toBe(301)
    expect(res.headers.get('Location')).toBe('/media/favicon.svg')
  })
})

describe('an unknown route', () => {
  it('answers the styled 404 page in the site’s language', async () => {
    await seedContent(env.CONTENT, [], { language: 'fr' })
    const res = await get(`${origin()}/nowhere/at/all`)
    expect(res.status).toBe(404)
    const html = await res.text()
    expect(html).toContain('<html lang="fr">')
    expect(html).toContain('<h1>Page introuvable</h1>')
    expect(html).toContain('<a href="/">Retour à l’accueil</a>')
    expect(html).toContain('<style>')
  })
})
