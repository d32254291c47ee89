import { createExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { app } from '../../src/app'
import { failingKv } from '../fixtures/failing-kv'
import { expectErrorsLogged } from '../fixtures/logged-errors'

/** A KV binding that fails every read, as an outage would. */
const brokenKv = failingKv(env.CONTENT, 'KV is down')

describe('an unexpected failure', () => {
  expectErrorsLogged(/KV is down/)

  it('answers a styled 500 page that is never cached and carries the security headers', async () => {
    const res = await app.fetch(new Request('https://errors.test/'), { ...env, CONTENT: brokenKv }, createExecutionContext())
    expect(res.status).toBe(500)
    expect(res.headers.get('Content-Type')).toBe('text/html; charset=UTF-8')
    expect(res.headers.get('Cache-Control')).toBe('no-store')
    expect(res.headers.get('Content-Security-Policy')).toContain("default-src 'self'")
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff')
    const html = await res.text()
    expect(html).toContain('<html lang=')
    expect(html).toContain('href="/"')
    expect(html).not.toContain('KV is down')
  })

  it('answers JSON under /api, even when it happens before any route (the content index)', async () => {
    for (const path of ['/api/posts/a-post/comments', '/api/admin/mailbox']) {
      const res = await app.fetch(new Request(`https://errors.test${path}`), { ...env, CONTENT: brokenKv }, createExecutionContext())
      expect(res.status, path).toBe(500)
      expect(res.headers.get('Content-Type'), path).toContain('application/json')
      expect(res.headers.get('Cache-Control'), path).toBe('no-store')
      const { error } = (await res.json()) as { error: { code: string; message: string } }
      expect(error.code, path).toBe('internal_error')
      expect(error.message, path).not.toContain('KV is down')
    }
  })
})
