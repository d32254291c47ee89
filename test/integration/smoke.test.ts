import { env, exports } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'

describe('the Worker', () => {
  it('answers the home page', async () => {
    const res = await exports.default.fetch('http://example.com/')
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('Palabre')
  })
  it('serves media from static assets (test/fixtures/content/media/)', async () => {
    const res = await env.ASSETS.fetch('http://example.com/media/three-boxes.svg')
    expect(res.status).toBe(200)
  })
})
