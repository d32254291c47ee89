import { env, exports } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { stylesheetKey } from '../../src/content/keys'
import { stylesheetPath } from '../../src/urls'
import { STYLES } from '../../src/views/styles'
import { seedContent } from '../fixtures/content'

let hosts = 0
/** A host of its own per test: the Cache API is shared by every test of the run. */
const origin = () => `https://pages-look-${++hosts}-${Date.now()}.test`
const get = (url: string, init?: RequestInit) => exports.default.fetch(new Request(url, { redirect: 'manual', ...init }))

const LOOK = {
  logo: { src: '/media/three-boxes.svg', width: 480, height: 160 },
  footer: 'Texts under CC BY 4.0 <unless stated>',
  social: [
    { title: 'Mastodon', url: 'https://mastodon.example/@camille' },
    { title: 'Code & notes', url: 'https://code.example/camille?tab=repos&x=1' },
  ],
}

const seedPost = (site: Parameters<typeof seedContent>[2]) =>
  seedContent(env.CONTENT, [{ slug: 'look', title: 'A post', date: '2026-01-02T00:00:00Z', markdown: 'Text.' }], site)

describe('the look from site.yaml in every page', () => {
  it('shows the logo beside the title in the home link, decorative and sized, on lists, posts and 404s', async () => {
    await seedPost(LOOK)
    const base = origin()
    for (const path of ['/', '/posts/look', '/no-such-page']) {
      const html = await (await get(base + path)).text()
      expect(html, path).toContain('<a href="/" rel="home"><img class="site-logo" src="/media/three-boxes.svg" alt="" width="480" height="160"/>Palabre</a>')
    }
  })

  it('shows the footer text escaped in place of the © line, and the profiles as plain rel="me" links', async () => {
    await seedPost(LOOK)
    const html = await (await get(`${origin()}/posts/look`)).text()
    const footer = html.slice(html.indexOf('<footer'))
    expect(footer).toContain('<p>Texts under CC BY 4.0 &lt;unless stated&gt; · Subscribe:')
    expect(footer).not.toContain('©')
    expect(footer).toContain('<ul class="social-links" aria-label="Elsewhere"><li><a href="https://mastodon.example/@camille" rel="me">Mastodon</a></li>')
    expect(footer).toContain('<a href="https://code.example/camille?tab=repos&amp;x=1" rel="me">Code &amp; notes</a>')
    // No icons, nothing fetched from the profiles' sites.
    expect(footer).not.toMatch(/<img|<svg|<script/)
  })

  it('speaks French in the footer of a French site', async () => {
    await seedPost({ ...LOOK, language: 'fr' })
    expect(await (await get(`${origin()}/`)).text()).toContain('<ul class="social-links" aria-label="Ailleurs">')
  })

  it('is the built-in look without any of it: no logo, the © line, no list of links, no extra stylesheet', async () => {
    await seedPost({})
    const html = await (await get(`${origin()}/`)).text()
    expect(html).not.toContain('<img class="site-logo"')
    expect(html).not.toContain('<ul class="social-links"')
    expect(html).not.toContain('rel="stylesheet"')
    expect(html).toContain('<p>© The author · Subscribe:')
  })
})

describe('the site stylesheet (accent and theme.css)', () => {
  const hash = '0123456789abcdef'
  const css = ':root{--accent:#c2410c}\n/* content/theme.css */\n.site-title{letter-spacing:.05em}\n'

  it('is linked right after the built-in stylesheet, from the site’s own origin', async () => {
    await env.CONTENT.put(stylesheetKey(hash), css)
    await seedPost({ stylesheet: stylesheetPath(hash) })
    const res = await get(`${origin()}/`)
    const html = await res.text()
    const inline = html.indexOf(`<style>${STYLES}</style>`)
    expect(inline).toBeGreaterThan(0)
    expect(html.slice(inline + `<style>${STYLES}</style>`.length)).toMatch(/^<link rel="stylesheet" href="\/theme\/0123456789abcdef\.css"\/>/)
    expect(html.match(/<link rel="stylesheet"/g)).toHaveLength(1)
    // 'self' already covers it; the inline one is still allowed by its hash only.
    expect(res.headers.get('Content-Security-Policy')).toMatch(/style-src 'self' 'sha256-[^']+';/)
  })

  it('is served as CSS with the security headers, cached at the edge and revalidated by browsers', async () => {
    await env.CONTENT.put(stylesheetKey(hash), css)
    await seedPost({ stylesheet: stylesheetPath(hash) })
    const base = origin()
    const first = await get(base + stylesheetPath(hash))
    expect(first.status).toBe(200)
    expect(first.headers.get('Content-Type')).toBe('text/css; charset=utf-8')
    expect(await first.text()).toBe(css)
    expect(first.headers.get('X-Content-Type-Options')).toBe('nosniff')
    expect(first.headers.get('Content-Security-Policy')).toContain("default-src 'self'")
    expect(first.headers.get('Cache-Control')).toBe('no-cache')
    expect(first.headers.get('CDN-Cache-Control')).toMatch(/^public, max-age=\d+/)
    expect(first.headers.get('X-Cache')).toBe('MISS')
    const etag = first.headers.get('ETag')!
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/)
    const again = await get(base + stylesheetPath(hash), { headers: { 'If-None-Match': etag } })
    expect(again.status).toBe(304)
    expect(again.headers.get('X-Cache')).toBe('HIT')
  })

  it('answers 404, never cached, for a hash that is not stored or a path that is not one', async () => {
    await seedPost({})
    const base = origin()
    for (const path of ['/theme/fedcba9876543210.css', '/theme/0123.css', '/theme/0123456789ABCDEF.css', '/theme.css']) {
      const res = await get(base + path)
      expect(res.status, path).toBe(404)
      expect(res.headers.get('Cache-Control'), path).toBe('no-store')
    }
  })
})

describe('embeds in the CSP', () => {
  it('allow exactly the published embeds origins in frame-src, and none without them', async () => {
    await seedPost({ embeds: ['https://www.youtube-nocookie.com', 'https://player.vimeo.com'] })
    const csp = (await get(`${origin()}/posts/look`)).headers.get('Content-Security-Policy')!
    expect(csp).toContain('frame-src https://www.youtube-nocookie.com https://player.vimeo.com;')
    expect(csp).toContain("frame-ancestors 'none'")
    await seedPost({})
    const plain = (await get(`${origin()}/posts/look`)).headers.get('Content-Security-Policy')!
    expect(plain).toContain("frame-src 'none';")
    expect(plain.replace("frame-src 'none'", 'frame-src https://www.youtube-nocookie.com https://player.vimeo.com')).toBe(csp)
  })
})
