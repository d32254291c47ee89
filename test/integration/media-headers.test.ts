import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'

// `exports.default.fetch()` calls the Worker, not the static assets router: media goes through
// env.ASSETS, which applies the assets folder's _headers as Cloudflare does (here the fixture's copy of content/_headers).
describe('media served as static assets', () => {
  it('keeps a file a day in browsers, then revalidates it', async () => {
    const res = await env.ASSETS.fetch('http://example.com/media/favicon.svg')
    expect(res.status).toBe(200)
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=86400, stale-while-revalidate=604800')
    expect(res.headers.get('ETag')).toBeTruthy()
  })

  it('answers a revalidation with 304 while the file is unchanged', async () => {
    const first = await env.ASSETS.fetch('http://example.com/media/three-boxes.svg')
    await first.arrayBuffer()
    const again = await env.ASSETS.fetch('http://example.com/media/three-boxes.svg', {
      headers: { 'If-None-Match': first.headers.get('ETag')! },
    })
    expect(again.status).toBe(304)
  })

  it('never serves the headers file, the posts or the site config', async () => {
    for (const path of ['/_headers', '/.assetsignore', '/site.yaml', '/posts/a-thread-to-argue-in.md']) {
      const res = await env.ASSETS.fetch(`http://example.com${path}`)
      await res.arrayBuffer()
      expect(res.status, path).toBe(404)
    }
  })
})
