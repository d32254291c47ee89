import { env, exports } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { adminApi } from '../fixtures/admin'
import { seedContent } from '../fixtures/content'

let hosts = 0
/** A host of its own per test: the Cache API is shared by every test of the run. */
const origin = () => `https://canonical-${++hosts}-${Date.now()}.test`
const get = (url: string) => exports.default.fetch(new Request(url, { redirect: 'manual' }))

/** Follows redirects by hand (at most 3), so each hop's status stays visible to the test. */
async function follow(url: string): Promise<{ hops: number; res: Response }> {
  let res = await get(url)
  let hops = 0
  while (res.status >= 300 && res.status < 400 && hops < 3) {
    res = await get(new URL(res.headers.get('Location')!, url).toString())
    hops++
  }
  return { hops, res }
}

async function purge(base: string, tags: string[]) {
  const res = await adminApi(`${base}/api/admin/purge`, { method: 'POST', body: { tags } })
  expect(res.status).toBe(200)
}

const SLUG = 'lecteurs-qui-répondent'
const CANONICAL = `/posts/${encodeURIComponent(SLUG)}`
/** Other spellings of the same post's path that the route decodes to the same slug. */
const VARIANTS = {
  'lowercase percent-encoding': '/posts/lecteurs-qui-r%c3%a9pondent',
  'NFD': '/posts/lecteurs-qui-re%CC%81pondent',
  'an encoded unreserved letter': '/posts/%6cecteurs-qui-r%C3%A9pondent',
}

const seed = (markdown: string) =>
  seedContent(env.CONTENT, [{ slug: SLUG, title: 'Lecteurs', tags: ['Écriture'], markdown, date: '2026-01-01T00:00:00Z' }])

describe('other spellings of a URL (Cache API path)', () => {
  it.each(Object.entries(VARIANTS))('never serve a stale page after a purge: %s', async (_, variant) => {
    const base = origin()
    await seed('First version.')
    // Whatever answers the variant is what a reader who follows that link gets.
    expect(await (await follow(base + variant)).res.text()).toContain('First version.')
    await seed('Second version.')
    await purge(base, [`post:${SLUG}`])
    const { res } = await follow(base + variant)
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('Second version.')
  })

  it.each(Object.entries(VARIANTS))('redirect to the canonical path (301), keeping the page asked for: %s', async (_, variant) => {
    const base = origin()
    await seed('Text.')
    const res = await get(`${base}${variant}?page=2&utm_source=x`)
    expect(res.status).toBe(301)
    expect(res.headers.get('Location')).toBe(`${CANONICAL}?page=2`)
    expect(res.headers.get('Cache-Control')).toBe('no-store')
  })

  it('redirect the comment API, the comment feed and the tag page too', async () => {
    const base = origin()
    await seed('Text.')
    const cases = [
      ['/api/posts/%6cecteurs-qui-r%c3%a9pondent/comments', `/api/posts/${encodeURIComponent(SLUG)}/comments`],
      ['/posts/lecteurs-qui-re%CC%81pondent/comments.xml', `${CANONICAL}/comments.xml`],
      ['/tags/%c3%a9criture', `/tags/${encodeURIComponent('écriture')}`],
      ['/tags/e%CC%81criture', `/tags/${encodeURIComponent('écriture')}`],
    ]
    for (const [variant, canonical] of cases) {
      const res = await get(base + variant)
      expect(res.status, variant).toBe(301)
      expect(res.headers.get('Location'), variant).toBe(canonical)
    }
  })

  it('keep the poster’s own link when redirecting a permalink', async () => {
    const base = origin()
    await seed('Text.')
    const res = await get(`${base}/posts/%6cecteurs-qui-r%C3%A9pondent/comments/7?t=abc.def`)
    expect(res.status).toBe(301)
    expect(res.headers.get('Location')).toBe(`${CANONICAL}/comments/7?t=abc.def`)
  })

  it('leave canonical paths alone, and paths that do not decode to their route', async () => {
    const base = origin()
    await seed('Text.')
    expect((await get(base + CANONICAL)).status).toBe(200)
    // Not UTF-8: nothing can be canonical about it, and no post has such a slug.
    expect((await get(`${base}/posts/%C3%28`)).status).toBe(404)
  })

  it('never redirect a POST (its body would be lost)', async () => {
    const base = origin()
    await seed('Text.')
    const res = await exports.default.fetch(
      new Request(`${base}/api/posts/%6cecteurs-qui-r%c3%a9pondent/comments`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{}',
      }),
    )
    expect(res.status).toBe(422)
  })
})
