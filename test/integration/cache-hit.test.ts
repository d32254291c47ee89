import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env, exports } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { app } from '../../src/app'
import { seedContent } from '../fixtures/content'

let hosts = 0
/** A host of its own per test: the Cache API is shared by every test of the run. */
const origin = () => `https://cache-hit-${++hosts}-${Date.now()}.test`

/** The app alone, without the Worker's hit path in front (`src/index.ts`). */
async function throughApp(url: string, headers: Record<string, string> = {}): Promise<Response> {
  const ctx = createExecutionContext()
  const res = await app.fetch(new Request(url, { headers }), env, ctx)
  await waitOnExecutionContext(ctx)
  return res
}

const headersOf = (res: Response) => Object.fromEntries([...res.headers].filter(([name]) => name !== 'date'))

describe('a Cache API hit answered before the app runs', () => {
  it('sends the bytes and every header the app sends for the same hit', async () => {
    await seedContent(env.CONTENT, [{ slug: 'hit-same', title: 'Hit same' }])
    const url = `${origin()}/posts/hit-same`
    const miss = await exports.default.fetch(url)
    expect(miss.headers.get('X-Cache')).toBe('MISS')
    const missBody = await miss.text()
    const fast = await exports.default.fetch(url)
    const slow = await throughApp(url)
    expect(fast.headers.get('X-Cache')).toBe('HIT')
    expect(headersOf(fast)).toEqual(headersOf(slow))
    expect(fast.headers.get('Cache-Control')).toBe('no-cache')
    expect(fast.headers.get('Content-Security-Policy')).toContain("frame-ancestors 'none'")
    expect(fast.headers.get('Age')).toBeNull()
    const body = await fast.text()
    expect(body).toBe(await slow.text())
    expect(body).toBe(missBody)
    // The miss told the browser what the hit tells it, but for the path it took (and the
    // headers of the Cache API's own hop).
    const { 'cf-cache-status': _status, 'content-length': _length, ...stored } = headersOf(fast)
    expect({ ...headersOf(miss), 'x-cache': 'HIT' }).toEqual(stored)
  })

  it('answers a matching If-None-Match with the 304 the app sends, security headers included', async () => {
    await seedContent(env.CONTENT, [{ slug: 'hit-304', title: 'Hit 304' }])
    const url = `${origin()}/posts/hit-304`
    const etag = (await exports.default.fetch(url)).headers.get('ETag')!
    const fast = await exports.default.fetch(url, { headers: { 'If-None-Match': etag } })
    const slow = await throughApp(url, { 'If-None-Match': etag })
    expect(fast.status).toBe(304)
    expect(await fast.text()).toBe('')
    expect(headersOf(fast)).toEqual(headersOf(slow))
    expect(fast.headers.get('ETag')).toBe(etag)
    expect(fast.headers.get('X-Frame-Options')).toBe('SAMEORIGIN')
    expect(fast.headers.get('Content-Type')).toBeNull()
  })

  it('leaves redirects, unknown parameters and a poster’s link to the app', async () => {
    await seedContent(env.CONTENT, [{ slug: 'hit-café', title: 'Hit café' }])
    const host = origin()
    await exports.default.fetch(`${host}/posts/hit-caf%C3%A9`)
    const lower = await exports.default.fetch(`${host}/posts/hit-caf%c3%a9`, { redirect: 'manual' })
    expect(lower.status).toBe(301)
    expect(lower.headers.get('Location')).toBe('/posts/hit-caf%C3%A9')
    const tracked = await exports.default.fetch(`${host}/posts/hit-caf%C3%A9?utm_source=x`)
    expect(tracked.headers.get('X-Cache')).toBe('HIT')
    // An invalid link is checked by the app, then dropped: the cached page answers.
    const invalid = await exports.default.fetch(`${host}/posts/hit-caf%C3%A9?edit=1.forged`)
    expect(invalid.headers.get('X-Cache')).toBe('HIT')
  })
})
