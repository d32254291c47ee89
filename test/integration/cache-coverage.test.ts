import { env, exports } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { adminApi } from '../fixtures/admin'
import { app } from '../../src/app'
import { cacheKey } from '../../src/cache/keys'
import { stylesheetKey } from '../../src/content/keys'
import { pathsForTag, stylesheetPath } from '../../src/urls'
import { seedContent, seedPages } from '../fixtures/content'
import { SEARCH_MAX_AGE } from '../../src/routes/search'

let hosts = 0
/** A host of its own per test: the Cache API is shared by every test of the run. */
const origin = () => `https://coverage-${++hosts}-${Date.now()}.test`
const get = (url: string) => exports.default.fetch(new Request(url, { redirect: 'manual' }))

const STYLESHEET_HASH = '00112233445566ff'

/** A path to request for each cacheable GET route of the app. */
const CACHED: Record<string, string> = {
  '/': '/',
  '/page/:n{[0-9]+}': '/page/2',
  '/posts/:slug': '/posts/couvert',
  '/tags/:tag': `/tags/${encodeURIComponent('été')}`,
  '/feed.xml': '/feed.xml',
  '/rss.xml': '/rss.xml',
  '/sitemap.xml': '/sitemap.xml',
  '/robots.txt': '/robots.txt',
  '/comments.js': '/comments.js',
  '/comments.xml': '/comments.xml',
  '/posts/:slug/comments.xml': '/posts/couvert/comments.xml',
  '/api/posts/:slug/comments': '/api/posts/couvert/comments',
  '/archive': '/archive',
  '/tags': '/tags',
  '/:slug': `/${encodeURIComponent('à-propos')}`,
  // A page that takes comments: its discussion's feed and JSON thread, under the page's tag.
  '/:page/comments.xml': `/${encodeURIComponent('livre-d’or')}/comments.xml`,
  '/api/:page/comments': `/api/${encodeURIComponent('livre-d’or')}/comments`,
  '/theme/:file{[0-9a-f]{16}\\.css}': stylesheetPath(STYLESHEET_HASH),
  '/search': '/search',
  '/api/search': '/api/search',
}

/**
 * Search results: cached under the search tag, which Workers Cache purges, but whose paths the
 * Cache API cannot list (one URL per query), so they must expire within SEARCH_MAX_AGE.
 */
const SHORT_LIVED = ['/search?q=couvert', '/api/search?q=couvert']

/** GET routes that are personal, redirects or admin: never cached. */
const NEVER_CACHED = new Set([
  '/favicon.ico',
  '/posts/:slug/comments/:id',
  '/posts/:slug/comments/:id/reply',
  '/posts/:slug/comments/:id/edit',
  '/:page/comments/:id',
  '/:page/comments/:id/reply',
  '/:page/comments/:id/edit',
  '/api/admin/comments',
  '/api/admin/mailbox',
  '/api/admin/notifications',
  '/api/admin/commenters',
  '/admin/commenters',
  '/admin/admin.css',
  '/admin',
  '/admin/mailbox',
  '/admin/notifications',
  '/admin/comments/confirm',
  '/admin/drafts',
  '/admin/bans',
  '/api/admin/bans',
  '/notify/confirm',
  '/notify/unsubscribe',
  '/notify/subscriptions',
])

const seed = async () => {
  await env.CONTENT.put(stylesheetKey(STYLESHEET_HASH), 'a{}')
  return seedPages(
    env.CONTENT,
    await seedContent(
      env.CONTENT,
      [
        { slug: 'couvert', title: 'Couvert', tags: ['Été'], date: '2026-01-02T00:00:00Z' },
        { slug: 'autre', title: 'Autre', date: '2026-01-01T00:00:00Z' },
      ],
      { postsPerPage: 1, stylesheet: stylesheetPath(STYLESHEET_HASH) },
    ),
    [
      { slug: 'à-propos', title: 'À propos', menu: 1 },
      { slug: 'livre-d’or', title: 'Livre d’or', comments: true },
    ],
  )
}

async function purge(base: string, tags: string[]) {
  const res = await adminApi(`${base}/api/admin/purge`, { method: 'POST', body: { tags } })
  expect(res.status).toBe(200)
}

const tagsOf = (res: Response) => (res.headers.get('Cache-Tag') ?? '').split(',').filter(Boolean).map(decodeURIComponent)

describe('cache tags and the paths they cover', () => {
  it('know every GET route: cached, or said never to be', () => {
    const routes = new Set(app.routes.filter((route) => route.method === 'GET').map((route) => route.path))
    const unknown = [...routes].filter((path) => !(path in CACHED) && !NEVER_CACHED.has(path))
    expect(unknown, 'add each new GET route to CACHED or NEVER_CACHED').toEqual([])
  })

  it.each(Object.entries(CACHED))('cover the path of %s under every tag it is cached with', async (_, path) => {
    const base = origin()
    const index = await seed()
    const first = await get(base + path)
    expect(first.status).toBe(200)
    expect(first.headers.get('X-Cache')).toBe('MISS')
    const tags = tagsOf(first)
    expect(tags.length).toBeGreaterThan(0)
    const key = cacheKey(new URL(base + path))
    for (const tag of tags) {
      const covered = pathsForTag(tag, index).map((p) => cacheKey(new URL(p, base)))
      expect(covered, `${tag} must cover ${path}`).toContain(key)
    }
  })

  it.each(Object.entries(CACHED))('serve %s afresh after a purge of any of its tags', async (_, path) => {
    const base = origin()
    await seed()
    for (const tag of tagsOf(await get(base + path))) {
      expect((await get(base + path)).headers.get('X-Cache'), tag).toBe('HIT')
      await purge(base, [tag])
      expect((await get(base + path)).headers.get('X-Cache'), tag).toBe('MISS')
    }
  })

  it.each(SHORT_LIVED)('keep %s under the search tag for SEARCH_MAX_AGE seconds at most', async (path) => {
    const base = origin()
    await seed()
    const first = await get(base + path)
    expect(first.status).toBe(200)
    expect(tagsOf(first)).toEqual(['search'])
    expect(Number(/max-age=(\d+)/.exec(first.headers.get('CDN-Cache-Control') ?? '')?.[1])).toBeLessThanOrEqual(SEARCH_MAX_AGE)
    expect((await get(base + path)).headers.get('X-Cache')).toBe('HIT')
  })
})
