import { waitOnExecutionContext } from 'cloudflare:test'
import { env, exports } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import worker from '../../src/index'
import { seedContent } from '../fixtures/content'
import { withFakeWorkersCache } from '../fixtures/workers-cache'

let hosts = 0
/** A host of its own per test: the Cache API is shared by every test of the run. */
const origin = () => `https://cache-${++hosts}-${Date.now()}.test`

const get = (url: string, headers: Record<string, string> = {}) => exports.default.fetch(new Request(url, { headers }))

async function purge(base: string, tags: string[], token = 'test-admin-token') {
  return exports.default.fetch(
    new Request(`${base}/api/admin/purge`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ tags }),
    }),
  )
}

describe('the edge cache on the Cache API path (no Workers Cache)', () => {
  it('answers MISS, then HIT with the same body and validator', async () => {
    const base = origin()
    await seedContent(env.CONTENT, [{ slug: 'cached', title: 'Cached post' }])
    const first = await get(`${base}/posts/cached`)
    expect(first.status).toBe(200)
    expect(first.headers.get('X-Cache')).toBe('MISS')
    const body = await first.text()
    const second = await get(`${base}/posts/cached`)
    expect(second.headers.get('X-Cache')).toBe('HIT')
    expect(await second.text()).toBe(body)
    expect(second.headers.get('ETag')).toBe(first.headers.get('ETag'))
  })

  it('tells browsers to revalidate and the edge how long to keep the page, with tags', async () => {
    const base = origin()
    await seedContent(env.CONTENT, [{ slug: 'headers', title: 'Headers' }])
    for (const res of [await get(`${base}/posts/headers`), await get(`${base}/posts/headers`)]) {
      expect(res.headers.get('Cache-Control')).toBe('no-cache')
      expect(res.headers.get('CDN-Cache-Control')).toMatch(/^public, max-age=\d+, stale-while-revalidate=\d+$/)
      expect(res.headers.get('Cache-Tag')).toContain('post:headers')
      expect(res.headers.get('ETag')).toMatch(/^"[0-9a-f]{32}"$/)
      expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff')
      expect(res.headers.get('Content-Security-Policy')).toContain("script-src 'self'")
      expect(res.headers.get('Age')).toBeNull()
    }
  })

  it('answers 304 when If-None-Match holds the ETag, on a miss and on a hit', async () => {
    const base = origin()
    await seedContent(env.CONTENT, [{ slug: 'etag', title: 'ETag' }])
    const first = await get(`${base}/posts/etag`)
    const etag = first.headers.get('ETag')!
    const other = origin()
    const onMiss = await get(`${other}/posts/etag`, { 'If-None-Match': etag })
    expect(onMiss.status).toBe(304)
    expect(onMiss.headers.get('X-Cache')).toBe('MISS')
    const onHit = await get(`${base}/posts/etag`, { 'If-None-Match': etag })
    expect(onHit.status).toBe(304)
    expect(onHit.headers.get('X-Cache')).toBe('HIT')
    expect(onHit.headers.get('ETag')).toBe(etag)
    expect(await onHit.text()).toBe('')
    const stale = await get(`${base}/posts/etag`, { 'If-None-Match': '"0000"' })
    expect(stale.status).toBe(200)
  })

  it('ignores tracking parameters in the cache key', async () => {
    const base = origin()
    await seedContent(env.CONTENT, [{ slug: 'utm', title: 'UTM' }])
    await get(`${base}/posts/utm`)
    expect((await get(`${base}/posts/utm?utm_source=feed`)).headers.get('X-Cache')).toBe('HIT')
  })

  it('never caches a 404 and says no-store', async () => {
    const base = origin()
    await seedContent(env.CONTENT, [])
    for (let i = 0; i < 2; i++) {
      const res = await get(`${base}/posts/missing`)
      expect(res.status).toBe(404)
      expect(res.headers.get('Cache-Control')).toBe('no-store')
      expect(res.headers.get('X-Cache')).toBe('BYPASS')
      expect(res.headers.get('Content-Security-Policy')).toBeTruthy()
    }
  })

  it('shows a changed post on the next request after the purge that publishing sends', async () => {
    const base = origin()
    await seedContent(env.CONTENT, [{ slug: 'edited', title: 'Edited', markdown: 'First version.' }])
    expect(await (await get(`${base}/posts/edited`)).text()).toContain('First version.')
    await seedContent(env.CONTENT, [{ slug: 'edited', title: 'Edited', markdown: 'Second version.' }])
    expect(await (await get(`${base}/posts/edited`)).text()).toContain('First version.')
    const res = await purge(base, ['post:edited'])
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ purged: ['post:edited'] })
    const fresh = await get(`${base}/posts/edited`)
    expect(fresh.headers.get('X-Cache')).toBe('MISS')
    expect(await fresh.text()).toContain('Second version.')
  })

  it('purges the home page with the list tag', async () => {
    const base = origin()
    await seedContent(env.CONTENT, [{ slug: 'listed', title: 'Listed' }])
    await get(`${base}/`)
    expect((await get(`${base}/`)).headers.get('X-Cache')).toBe('HIT')
    await purge(base, ['list'])
    expect((await get(`${base}/`)).headers.get('X-Cache')).toBe('MISS')
  })
})

describe('POST /api/admin/purge', () => {
  it('refuses a request without the bearer token', async () => {
    const res = await exports.default.fetch(new Request(`${origin()}/api/admin/purge`, { method: 'POST', body: '{"tags":["list"]}' }))
    expect(res.status).toBe(401)
    expect(res.headers.get('Cache-Control')).toBe('no-store')
    expect(await res.json()).toMatchObject({ error: { code: 'unauthorized' } })
  })
  it('refuses a wrong token', async () => {
    const res = await purge(origin(), ['list'], 'wrong-token')
    expect(res.status).toBe(401)
  })
  it('answers 400 with what to fix when the body has no tags', async () => {
    const res = await exports.default.fetch(
      new Request(`${origin()}/api/admin/purge`, {
        method: 'POST',
        headers: { Authorization: 'Bearer test-admin-token' },
        body: '{"tag":"list"}',
      }),
    )
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({ error: { code: 'invalid_request', message: expect.stringContaining('tags') } })
  })
})

describe('the edge cache with Workers Cache (a fake ctx.cache)', () => {
  it('sets the headers but neither uses the Cache API nor stamps X-Cache', async () => {
    const base = origin()
    await seedContent(env.CONTENT, [{ slug: 'edge', title: 'Edge' }])
    const { ctx } = withFakeWorkersCache()
    for (let i = 0; i < 2; i++) {
      const res = await worker.fetch(new Request(`${base}/posts/edge`), env, ctx)
      expect(res.status).toBe(200)
      expect(res.headers.get('X-Cache')).toBeNull()
      expect(res.headers.get('Cache-Tag')).toBe('post:edge')
      expect(res.headers.get('CDN-Cache-Control')).toContain('max-age=')
    }
    await waitOnExecutionContext(ctx)
    expect(await caches.default.match(`${base}/posts/edge`)).toBeUndefined()
  })

  it('purges by encoded tag through ctx.cache.purge', async () => {
    const { ctx, purged } = withFakeWorkersCache()
    const req = new Request(`${origin()}/api/admin/purge`, {
      method: 'POST',
      headers: { Authorization: 'Bearer test-admin-token', 'Content-Type': 'application/json' },
      body: JSON.stringify({ tags: ['post:café', 'list', 'list'] }),
    })
    const res = await worker.fetch(req, env, ctx)
    await waitOnExecutionContext(ctx)
    expect(res.status).toBe(200)
    expect(purged).toEqual([['post:caf%C3%A9', 'list']])
  })

  it('sends no-store on responses the edge must not keep', async () => {
    const { ctx } = withFakeWorkersCache()
    const res = await worker.fetch(new Request(`${origin()}/posts/nowhere`), env, ctx)
    expect(res.status).toBe(404)
    expect(res.headers.get('Cache-Control')).toBe('no-store')
    expect(res.headers.get('X-Cache')).toBeNull()
  })
})
