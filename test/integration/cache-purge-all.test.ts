import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import worker from '../../src/index'
import { adminApi, get, uniqueOrigin, warm } from '../fixtures/admin'
import { seedContent } from '../fixtures/content'

const purgeAll = (origin: string) => adminApi(`${origin}/api/admin/purge`, { method: 'POST', body: { everything: true } })

describe('POST /api/admin/purge {"everything": true} (after a deploy of new code)', () => {
  it('asks Workers Cache for one purgeEverything', async () => {
    await seedContent(env.CONTENT, [{ slug: 'everything-edge', title: 'Edge' }])
    const asked: unknown[] = []
    const ctx = Object.assign(createExecutionContext(), { cache: { purge: async (options: unknown) => void asked.push(options) } })
    const req = new Request(`${uniqueOrigin('purge-all')}/api/admin/purge`, {
      method: 'POST',
      headers: { Authorization: 'Bearer test-admin-token', 'Content-Type': 'application/json' },
      body: JSON.stringify({ everything: true }),
    })
    const res = await worker.fetch(req, env, ctx)
    await waitOnExecutionContext(ctx)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ purged: 'everything', deleted: 0 })
    expect(asked).toEqual([{ purgeEverything: true }])
  })

  it('on the Cache API path, empties the home page, every post and every tag page', async () => {
    const origin = uniqueOrigin('purge-all')
    await seedContent(env.CONTENT, [
      { slug: 'everything-one', title: 'One', tags: ['Édition'] },
      { slug: 'everything-two', title: 'Two', date: '2026-01-10T09:00:00.000Z' },
    ])
    const pages = ['/', '/posts/everything-one', '/posts/everything-two', '/tags/%C3%A9dition', '/feed.xml']
    for (const page of pages) expect(await warm(`${origin}${page}`)).toBe('HIT')
    const res = await purgeAll(origin)
    expect(res.status).toBe(200)
    expect(((await res.json()) as { deleted: number }).deleted).toBeGreaterThanOrEqual(pages.length)
    for (const page of pages) {
      const after = await get(`${origin}${page}`)
      await after.arrayBuffer()
      expect([page, after.headers.get('X-Cache')]).toEqual([page, 'MISS'])
    }
  })

  it('refuses anything but true, saying what to send', async () => {
    const res = await adminApi(`${uniqueOrigin('purge-all')}/api/admin/purge`, { method: 'POST', body: { everything: 'yes' } })
    expect(res.status).toBe(400)
    expect(JSON.stringify(await res.json())).toContain('{\\"everything\\": true}')
  })
})
