import { env, exports } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { seedContent } from '../fixtures/content'

let hosts = 0
/** A host of its own per test: the Cache API is shared by every test of the run. */
const origin = () => `https://pages-tags-${++hosts}-${Date.now()}.test`
const get = (url: string) => exports.default.fetch(new Request(url, { redirect: 'manual' }))

const DAY = 86_400_000
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString()

describe('GET /tags/<tag>', () => {
  it('lists the public posts that carry the tag, newest first', async () => {
    await seedContent(env.CONTENT, [
      { slug: 'old-soup', title: 'Old soup', tags: ['Cuisine'], date: daysAgo(3) },
      { slug: 'new-soup', title: 'New soup', tags: ['cuisine', 'Hiver'], date: daysAgo(1) },
      { slug: 'bike', title: 'Bike ride', tags: ['Sport'], date: daysAgo(2) },
    ])
    const res = await get(`${origin()}/tags/cuisine`)
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe('text/html; charset=UTF-8')
    const html = await res.text()
    expect(html).toContain('<h1>Posts tagged “cuisine”</h1>')
    expect(html).toContain('2 posts')
    expect(html.indexOf('New soup')).toBeLessThan(html.indexOf('Old soup'))
    expect(html).not.toContain('Bike ride')
    expect(html).toContain('<link rel="canonical" href="https://blog.example/tags/cuisine"/>')
  })

  it('serves a tag in any script under its encoded slug', async () => {
    await seedContent(env.CONTENT, [{ slug: 'ete', title: 'Summer', tags: ['Été indien'], date: daysAgo(1) }])
    const res = await get(`${origin()}/tags/${encodeURIComponent('été-indien')}`)
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('Posts tagged “Été indien”')
  })

  it('redirects a tag written otherwise to its slug', async () => {
    await seedContent(env.CONTENT, [{ slug: 'js', title: 'JS', tags: ['JavaScript'], date: daysAgo(1) }])
    const res = await get(`${origin()}/tags/JavaScript`)
    expect(res.status).toBe(301)
    expect(res.headers.get('Location')).toBe('/tags/javascript')
  })

  // CACHEABILITY (edge-cache middleware): a tag page is cacheable, so it is not sent no-store.
  it('is cacheable at the edge', async () => {
    await seedContent(env.CONTENT, [{ slug: 'c', title: 'C', tags: ['cached'], date: daysAgo(1) }])
    const res = await get(`${origin()}/tags/cached`)
    expect(res.headers.get('Cache-Control')).not.toContain('no-store')
  })

  it('answers the styled 404 for a tag no public post has', async () => {
    await seedContent(env.CONTENT, [
      { slug: 'pub', title: 'Public', tags: ['open'], date: daysAgo(1) },
      { slug: 'drf', title: 'Draft', tags: ['secret'], draft: true, date: daysAgo(1) },
      { slug: 'fut', title: 'Future', tags: ['later'], date: new Date(Date.now() + DAY).toISOString() },
    ])
    const base = origin()
    for (const tag of ['nothing', 'secret', 'later']) {
      const res = await get(`${base}/tags/${tag}`)
      expect(res.status, tag).toBe(404)
      // CACHEABILITY (edge-cache middleware): a 404 is never cached.
      expect(res.headers.get('Cache-Control')).toBe('no-store')
      expect(await res.text()).toContain('<h1>Page not found</h1>')
    }
  })

  it('does not list a draft or a future post on the page of a tag it shares', async () => {
    await seedContent(env.CONTENT, [
      { slug: 'shown', title: 'Shown post', tags: ['mixed'], date: daysAgo(1) },
      { slug: 'draft-mixed', title: 'Draft post', tags: ['mixed'], draft: true, date: daysAgo(1) },
      { slug: 'future-mixed', title: 'Future post', tags: ['mixed'], date: new Date(Date.now() + DAY).toISOString() },
    ])
    const html = await (await get(`${origin()}/tags/mixed`)).text()
    expect(html).toContain('Shown post')
    expect(html).not.toContain('Draft post')
    expect(html).not.toContain('Future post')
    expect(html).toContain('1 post')
  })
})
