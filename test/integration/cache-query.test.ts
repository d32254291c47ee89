import { waitOnExecutionContext } from 'cloudflare:test'
import { env, exports } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { signToken } from '../../src/comments/hmac'
import worker from '../../src/index'
import { seedContent } from '../fixtures/content'
import { withFakeWorkersCache } from '../fixtures/workers-cache'

let hosts = 0
/** A host of its own per test: the Cache API is shared by every test of the run. */
const origin = () => `https://query-${++hosts}-${Date.now()}.test`
const get = (url: string) => exports.default.fetch(new Request(url, { redirect: 'manual' }))

const KEY = 'test-signing-key'
const validEdit = async (id: number) => `${id}.${await signToken(KEY, 'edit', id, Date.now() + 60_000)}`

const seed = (slug: string) => seedContent(env.CONTENT, [{ slug, title: `Post ${slug}`, date: '2026-01-01T00:00:00Z' }])

describe('query parameters that name a poster’s link, on the Cache API path', () => {
  it('serve the cached page when the token is not valid, without rendering it again', async () => {
    const base = origin()
    await seed('bypass')
    expect((await get(`${base}/posts/bypass`)).headers.get('X-Cache')).toBe('MISS')
    const expired = `3.${await signToken(KEY, 'edit', 3, Date.now() - 1000)}`
    const forged = `3.${(await validEdit(3)).slice(2, -2)}xx`
    for (const query of ['t=x', 'edit=x', 'edit=3.forged', `edit=${expired}`, `edit=${forged}`, `t=${await validEdit(3)}`]) {
      const res = await get(`${base}/posts/bypass?${query}`)
      expect(res.status, query).toBe(200)
      expect(res.headers.get('X-Cache'), query).toBe('HIT')
    }
  })

  it('skip the cache for a valid edit link, which the page then shows', async () => {
    const base = origin()
    await seed('valid-edit')
    await get(`${base}/posts/valid-edit`)
    const res = await get(`${base}/posts/valid-edit?edit=${await validEdit(5)}`)
    expect(res.headers.get('X-Cache')).toBe('BYPASS')
    expect(res.headers.get('Cache-Control')).toBe('no-store')
  })
})

describe('query parameters under Workers Cache (a fake ctx.cache), which keys on the whole URL', () => {
  const edge = async (url: string) => {
    const { ctx } = withFakeWorkersCache()
    const res = await worker.fetch(new Request(url, { redirect: 'manual' }), env, ctx)
    await waitOnExecutionContext(ctx)
    return res
  }

  it('redirect (301, not stored) to the URL without the parameters the page does not take', async () => {
    const base = origin()
    await seed('edge-query')
    const cases: [string, string][] = [
      ['?utm_source=feed', ''],
      ['?x=1&page=2', '?page=2'],
      ['?page=2&page=3', '?page=2'],
      ['?t=x', ''],
      ['?edit=x', ''],
      ['?edit=3.forged&page=2', '?page=2'],
      [`?edit=3.${'a'.repeat(6)}.${'b'.repeat(43)}`, ''],
    ]
    for (const [query, kept] of cases) {
      const res = await edge(`${base}/posts/edge-query${query}`)
      expect(res.status, query).toBe(301)
      expect(res.headers.get('Location'), query).toBe(`/posts/edge-query${kept}`)
      expect(res.headers.get('Cache-Control'), query).toBe('no-store')
    }
  })

  it('strip them from every cacheable page, lists, tags and feeds included', async () => {
    const base = origin()
    await seedContent(env.CONTENT, [{ slug: 'feeds-q', title: 'Q', tags: ['q'], date: '2026-01-01T00:00:00Z' }])
    for (const path of ['/', '/tags/q', '/feed.xml', '/rss.xml', '/sitemap.xml', '/robots.txt', '/comments.js', '/posts/feeds-q/comments.xml', '/api/posts/feeds-q/comments']) {
      const res = await edge(`${base}${path}?cb=${Math.random()}`)
      expect(res.status, path).toBe(301)
      expect(res.headers.get('Location'), path).toBe(path)
    }
  })

  it('let the canonical URL and a valid edit link through', async () => {
    const base = origin()
    await seed('edge-ok')
    const plain = await edge(`${base}/posts/edge-ok?page=1`)
    expect(plain.status).toBe(301)
    expect(plain.headers.get('Location')).toBe('/posts/edge-ok')
    expect((await edge(`${base}/posts/edge-ok`)).status).toBe(200)
    const own = await edge(`${base}/posts/edge-ok?edit=${await validEdit(9)}`)
    expect(own.status).toBe(200)
    expect(own.headers.get('Cache-Control')).toBe('no-store')
  })

  it('leave the query of pages that are never cached alone', async () => {
    const res = await edge(`${origin()}/notify/confirm?a=1&t=x&extra=1`)
    expect(res.status).not.toBe(301)
  })
})
