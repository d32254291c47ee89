import { createExecutionContext } from 'cloudflare:test'
import { env, exports } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { Hono } from 'hono'
import { STYLES } from '../../src/views/styles'
import { cspHash, securityHeaders } from '../../src/security-headers'

describe('security headers', () => {
  it('allow the inline stylesheet by its hash and no inline script, on pages and 404s', async () => {
    for (const path of ['/', '/no/such/page']) {
      const res = await exports.default.fetch(`https://headers.test${path}`)
      const csp = res.headers.get('Content-Security-Policy')!
      expect(csp).toContain(`style-src 'self' ${await cspHash(STYLES)}`)
      expect(csp).toContain("script-src 'self';")
      expect(csp).toContain("frame-ancestors 'none'")
      expect(res.headers.get('X-Frame-Options')).toBe('SAMEORIGIN')
      expect(res.headers.get('Strict-Transport-Security')).toContain('max-age=')
    }
  })
})

describe('security headers with Turnstile on', () => {
  it('allow Turnstile’s script and frame, and nothing else from outside', async () => {
    // The app's own middleware is already built from this test env (no Turnstile): a fresh one
    // reads the secret on its first request, as a deployment with Turnstile would.
    const probe = new Hono<{ Bindings: typeof env & { TURNSTILE_SECRET: string } }>()
    probe.use(securityHeaders([STYLES]) as never)
    probe.get('/', (c) => c.text('ok'))
    const res = await probe.fetch(new Request('https://t.test/'), { ...env, TURNSTILE_SECRET: 'x' }, createExecutionContext())
    const csp = res.headers.get('Content-Security-Policy')!
    expect(csp).toContain("script-src 'self' https://challenges.cloudflare.com")
    expect(csp).toContain('frame-src https://challenges.cloudflare.com')
  })
})
