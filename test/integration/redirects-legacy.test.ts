import { env, exports } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { app } from '../../src/app'
import { adminApi } from '../fixtures/admin'
import { expectErrorsLogged } from '../fixtures/logged-errors'
import { withFakeWorkersCache } from '../fixtures/workers-cache'
import { brokenDb, fetchWith, get, origin, seedPost } from './comments-http'

/** Rows as the WordPress import writes them: `from_path` is `legacyPathKey` of the old address. */
async function redirect(from: string, to: string) {
  await env.DB.prepare(`INSERT INTO redirects (from_path, to_path, source, created_at) VALUES (?1, ?2, 'wordpress', 1)
    ON CONFLICT (from_path) DO UPDATE SET to_path = excluded.to_path`).bind(from, to).run()
}

const head = (url: string) => exports.default.fetch(new Request(url, { method: 'HEAD', redirect: 'manual' }))
const moved = (res: Response) => [res.status, res.headers.get('Location')]

describe('old addresses', () => {
  it('answer 301 to the new address, with or without the trailing slash, and the edge keeps them', async () => {
    const base = origin('wp')
    await seedPost('bonjour')
    await redirect('/2016/03/14/bonjour', '/posts/bonjour')
    const first = await get(`${base}/2016/03/14/bonjour/`)
    expect(moved(first)).toEqual([301, '/posts/bonjour'])
    expect(first.headers.get('X-Cache')).toBe('MISS')
    expect(first.headers.get('Cache-Tag')).toBe('redirects')
    expect(first.headers.get('CDN-Cache-Control')).toMatch(/^public, max-age=\d+/)
    const again = await get(`${base}/2016/03/14/bonjour/`)
    expect(moved(again)).toEqual([301, '/posts/bonjour'])
    expect(again.headers.get('X-Cache')).toBe('HIT')
    // Another spelling of the same address shares the entry.
    const bare = await get(`${base}/2016/03/14/BONJOUR`)
    expect(moved(bare)).toEqual([301, '/posts/bonjour'])
    expect(bare.headers.get('X-Cache')).toBe('HIT')
    // Every other kind of permalink is a row like this one: a bare slug, a category, a tag.
    await redirect('/bonjour', '/posts/bonjour')
    await redirect('/category/récit', '/tags/r%C3%A9cit')
    await redirect('/tag/voyage', '/tags/voyage')
    expect(moved(await get(`${base}/bonjour/`))).toEqual([301, '/posts/bonjour'])
    expect(moved(await get(`${base}/category/r%C3%A9cit/`))).toEqual([301, '/tags/r%C3%A9cit'])
    expect(moved(await get(`${base}/tag/voyage/`))).toEqual([301, '/tags/voyage'])
  })

  it('decode percent-encoding and NFD, sending the reader to the canonical spelling of the target', async () => {
    const base = origin('wp')
    await redirect('/2016/03/14/réussite', '/posts/réussite')
    expect(moved(await get(`${base}/2016/03/14/r%C3%A9ussite/`))).toEqual([301, '/posts/r%C3%A9ussite'])
    // WordPress writes lowercase escapes: first the canonical spelling of the path, then the redirect.
    const lower = await get(`${base}/2016/03/14/r%c3%a9ussite/`)
    expect(moved(lower)).toEqual([301, '/2016/03/14/r%C3%A9ussite/'])
    expect(lower.headers.get('Cache-Control')).toBe('no-store')
    expect(moved(await get(`${base}${lower.headers.get('Location')}`))).toEqual([301, '/posts/r%C3%A9ussite'])
    const nfd = await get(`${base}/2016/03/14/${encodeURIComponent('re\u0301ussite')}`)
    expect(moved(await get(`${base}${nfd.headers.get('Location')}`))).toEqual([301, '/posts/r%C3%A9ussite'])
  })

  it('answer /?p=<id>, /?page_id=<id>, /?cat= and /?tag= before the home page, extra parameters or not', async () => {
    const base = origin('wp')
    await seedPost('par-id')
    await redirect('/?p=123', '/posts/par-id')
    await redirect('/?page_id=7', '/a-propos')
    await redirect('/?cat=3', '/tags/r%C3%A9cit')
    await redirect('/?tag=voyage', '/tags/voyage')
    expect(moved(await get(`${base}/?p=123`))).toEqual([301, '/posts/par-id'])
    expect(moved(await get(`${base}/?p=123&utm_source=x`))).toEqual([301, '/posts/par-id'])
    expect(moved(await get(`${base}/?page_id=7`))).toEqual([301, '/a-propos'])
    expect(moved(await get(`${base}/?cat=3`))).toEqual([301, '/tags/r%C3%A9cit'])
    expect(moved(await get(`${base}/?tag=voyage`))).toEqual([301, '/tags/voyage'])
    const cached = await get(`${base}/?p=123`)
    expect(cached.headers.get('X-Cache')).toBe('HIT')
    const home = await get(`${base}/`)
    expect(home.status).toBe(200)
    expect(await home.text()).toContain('Post par-id')
  })

  it('send an unknown /?p=<id> to the home page, uncached, instead of caching the home page under it', async () => {
    const base = origin('wp')
    await seedPost('rien')
    for (const query of ['?p=999', '?p=', '?page_id=abc&x=1']) {
      const res = await get(`${base}/${query}`)
      expect(moved(res), query).toEqual([301, '/'])
      expect(res.headers.get('Cache-Control')).toBe('no-store')
    }
  })

  it('answer WordPress’s feeds with no row: the site feed, the comments feed, and a post’s comment feed', async () => {
    const base = origin('wp')
    await redirect('/un-article', '/posts/un-article')
    await redirect('/a-propos', '/a-propos')
    expect(moved(await get(`${base}/feed/`))).toEqual([301, '/feed.xml'])
    expect(moved(await get(`${base}/feed/rss2/`))).toEqual([301, '/rss.xml'])
    expect(moved(await get(`${base}/comments/feed/`))).toEqual([301, '/comments.xml'])
    expect(moved(await get(`${base}/un-article/feed/`))).toEqual([301, '/posts/un-article/comments.xml'])
    // A row of its own wins; an item that is no post has no comment feed; no row, no feed.
    await redirect('/autre/feed', '/feed.xml')
    expect(moved(await get(`${base}/autre/feed`))).toEqual([301, '/feed.xml'])
    expect((await get(`${base}/a-propos/feed/`)).status).toBe(404)
    expect((await get(`${base}/inconnu/feed/`)).status).toBe(404)
  })

  it('answer HEAD as GET, without a body', async () => {
    const base = origin('wp')
    await redirect('/en-tete', '/posts/en-tete')
    const res = await head(`${base}/en-tete/`)
    expect(moved(res)).toEqual([301, '/posts/en-tete'])
    expect(await res.text()).toBe('')
  })

  it('leave a 404 a 404 (no-store) without a row, and refuse a row that leads off the site or back to itself', async () => {
    const base = origin('wp')
    await seedPost('vrai')
    await redirect('/ailleurs', '//evil.example/x')
    await redirect('/absolu', 'https://evil.example/')
    await redirect('/boucle', '/boucle')
    for (const path of ['/nulle-part/', '/ailleurs', '/absolu', '/boucle', '/%E0%A4%A']) {
      const res = await get(`${base}${path}`)
      expect(res.status, path).toBe(404)
      expect(res.headers.get('Cache-Control')).toBe('no-store')
    }
    // A route that answers is never looked up, even with a row of the same key.
    await redirect('/posts/vrai', '/posts/autre')
    expect((await get(`${base}/posts/vrai`)).status).toBe(200)
  })

  it('follow a purge of the redirects tag: the next request reads the changed row', async () => {
    const base = origin('wp')
    await redirect('/change', '/posts/avant')
    await redirect('/?p=55', '/posts/avant')
    for (const path of ['/change/', '/change/feed/', '/?p=55', '/feed/']) await get(`${base}${path}`)
    expect((await get(`${base}/change/`)).headers.get('X-Cache')).toBe('HIT')
    expect((await get(`${base}/change/feed/`)).headers.get('X-Cache')).toBe('HIT')
    await redirect('/change', '/posts/apres')
    await redirect('/?p=55', '/posts/apres')
    const purge = await adminApi(`${base}/api/admin/purge`, { method: 'POST', body: { tags: ['redirects'] } })
    expect(await purge.json()).toMatchObject({ deleted: 4 })
    const after = await get(`${base}/change/`)
    expect([...moved(after), after.headers.get('X-Cache')]).toEqual([301, '/posts/apres', 'MISS'])
    expect(moved(await get(`${base}/change/feed/`))).toEqual([301, '/posts/apres/comments.xml'])
    expect(moved(await get(`${base}/?p=55`))).toEqual([301, '/posts/apres'])
  })

  it('under Workers Cache: /?p= is not sent away as an unknown parameter, and the import’s purge names the tag', async () => {
    const base = origin('wp')
    await redirect('/?p=77', '/posts/edge')
    const { ctx, purged } = withFakeWorkersCache()
    const res = await app.fetch(new Request(`${base}/?p=77`, { redirect: 'manual' }), env, ctx)
    expect(moved(res)).toEqual([301, '/posts/edge'])
    expect(res.headers.get('Cache-Tag')).toBe('redirects')
    expect(res.headers.get('X-Cache')).toBeNull()
    const stray = await app.fetch(new Request(`${base}/?p=77&utm_source=x`, { redirect: 'manual' }), env, ctx)
    expect(moved(stray)).toEqual([301, '/?p=77'])
    const purge = await app.fetch(
      new Request(`${base}/api/admin/purge`, {
        method: 'POST',
        headers: { Authorization: 'Bearer test-admin-token', 'Content-Type': 'application/json' },
        body: JSON.stringify({ tags: ['redirects'] }),
      }),
      env,
      ctx,
    )
    expect(purge.status).toBe(200)
    expect(purged).toEqual([['redirects']])
  })

  describe('when D1 fails', () => {
    expectErrorsLogged(/D1_ERROR/)

    it('answer the 404 page for an old address, and the home page’s address for /?p=, never a 500', async () => {
      const base = origin('wp')
      await redirect('/panne', '/posts/panne')
      const res = await fetchWith(new Request(`${base}/panne/`, { redirect: 'manual' }), { DB: brokenDb })
      expect(res.status).toBe(404)
      expect(res.headers.get('Cache-Control')).toBe('no-store')
      expect(await res.text()).toContain('<h1>')
      const home = await fetchWith(new Request(`${base}/?p=1`, { redirect: 'manual' }), { DB: brokenDb })
      expect(moved(home)).toEqual([301, '/'])
      // Built-in feeds need no read.
      expect(moved(await fetchWith(new Request(`${base}/feed/`, { redirect: 'manual' }), { DB: brokenDb }))).toEqual([301, '/feed.xml'])
    })
  })
})
