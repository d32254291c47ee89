import { env, exports } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { search } from '../../src/search/service'
import { publishWithSearch } from '../fixtures/search'

/**
 * The search, in workerd, against an index written as the publish tool writes it: French and
 * English posts, a draft and a scheduled post, accents, prefixes, ranking, pagination, snippets.
 */

let hosts = 0
const origin = () => `https://search-${++hosts}-${Date.now()}.test`
const get = (path: string, base = origin()) => exports.default.fetch(new Request(base + path, { redirect: 'manual' }))
const q = (text: string) => `/search?q=${encodeURIComponent(text)}`
const api = async (text: string, page?: number) => {
  const res = await get(`/api/search?q=${encodeURIComponent(text)}${page ? `&page=${page}` : ''}`)
  expect(res.status, text).toBe(200)
  return (await res.json()) as { total: number; pageCount: number; results: { path: string; title: string; snippet: string; snippetHtml: string; date: string }[] }
}
const paths = async (text: string) => (await api(text)).results.map((r) => r.path)

const FUTURE = '2999-01-01T00:00:00.000Z'

beforeAll(async () => {
  await publishWithSearch([
    {
      slug: 'la-reussite',
      title: 'La réussite de l’entrepreneuriat',
      lang: 'fr',
      tags: ['économie'],
      date: '2026-01-10T09:00:00.000Z',
      markdown: 'Une **réussite** se construit. L’École des entrepreneurs en parle.\n\n```\n<script>alert("x")</script>\n```',
    },
    { slug: 'sans-accent', title: 'Notes', lang: 'fr', date: '2026-01-09T09:00:00.000Z', markdown: 'Une reussite ecrite sans accent.' },
    { slug: 'edge-caching', title: 'Caching at the edge', date: '2026-01-08T09:00:00.000Z', markdown: 'Pages are served from the edge cache and purged on publish.' },
    { slug: 'moderation-title', title: 'Moderation', date: '2026-01-01T09:00:00.000Z', markdown: 'A short text about readers.' },
    {
      slug: 'moderation-body',
      title: 'Readers',
      date: '2026-01-07T09:00:00.000Z',
      markdown: 'A long text that mentions moderation once, among many other words about readers and comments.',
    },
    { slug: 'twin-old', title: 'Twin', date: '2026-01-02T09:00:00.000Z', markdown: 'Identical twin body.' },
    { slug: 'twin-new', title: 'Twin', date: '2026-01-03T09:00:00.000Z', markdown: 'Identical twin body.' },
    { slug: 'a-draft', title: 'Brouillonesque', draft: true, markdown: 'Brouillonesque et secret.' },
    { slug: 'scheduled', title: 'Futuriste', date: FUTURE, markdown: 'Un billet futuriste.' },
    ...Array.from({ length: 23 }, (_, i) => ({
      slug: `paged-${i}`,
      title: `Paged ${i}`,
      date: `2025-06-${String(i + 1).padStart(2, '0')}T09:00:00.000Z`,
      markdown: 'Pagination filler.',
    })),
  ])
})

describe('search', () => {
  it('ignores accents both ways, and case', async () => {
    expect(await paths('reussite')).toEqual(expect.arrayContaining(['/posts/la-reussite', '/posts/sans-accent']))
    expect((await paths('réussite')).sort()).toEqual((await paths('reussite')).sort())
    expect(await paths('école')).toEqual(['/posts/la-reussite'])
    expect(await paths('ecole')).toEqual(['/posts/la-reussite'])
  })

  it('matches a word by its start, and needs every word', async () => {
    expect(await paths('entrepre')).toEqual(['/posts/la-reussite'])
    expect(await paths('econom')).toEqual(['/posts/la-reussite'])
    expect(await paths('edge purged')).toEqual(['/posts/edge-caching'])
    expect(await paths('edge réussite')).toEqual([])
  })

  it('ranks a title match above a body match, and equal matches newest first', async () => {
    expect(await paths('moderation')).toEqual(['/posts/moderation-title', '/posts/moderation-body'])
    expect(await paths('twin')).toEqual(['/posts/twin-new', '/posts/twin-old'])
  })

  it('never finds a draft, nor a scheduled post before its date (but does after)', async () => {
    expect(await paths('brouillonesque')).toEqual([])
    expect(await paths('futuriste')).toEqual([])
    const later = await search(env.DB, ['futuriste'], 1, new Date(Date.parse(FUTURE) + 1000))
    expect(later.results.map((r) => r.path)).toEqual(['/posts/scheduled'])
  })

  it('pages the results, ten at a time, with their number', async () => {
    const first = await api('pagination')
    expect([first.total, first.pageCount, first.results.length]).toEqual([23, 3, 10])
    const third = await api('pagination', 3)
    expect(third.results).toHaveLength(3)
    const all = [first, await api('pagination', 2), third].flatMap((page) => page.results.map((r) => r.path))
    expect(new Set(all).size).toBe(23)
    expect((await get('/search?q=pagination&page=4')).status).toBe(404)
    const html = await (await get('/search?q=pagination&page=2')).text()
    expect(html).toContain('23 results')
    expect(html).toContain('href="/search?q=pagination" rel="prev"')
    expect(html).toContain('href="/search?q=pagination&amp;page=3" rel="next"')
  })

  it('shows title, date and a snippet with the matched words marked, text escaped', async () => {
    const res = await get(q('reussite'))
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('<a href="/posts/la-reussite">La réussite de l’entrepreneuriat</a>')
    expect(html).toContain('<time datetime="2026-01-10T09:00:00.000Z">')
    expect(html).toContain('<mark>réussite</mark>')
    const script = await api('alert')
    expect(script.results[0]!.snippetHtml).toContain('&lt;script&gt;<mark>alert</mark>(&quot;x&quot;)&lt;/script&gt;')
    const page = await (await get(q('alert'))).text()
    expect(page).not.toMatch(/<script>alert/)
  })
})

describe('search addresses and caching', () => {
  it('redirects every other spelling of a query to its canonical one, never cached', async () => {
    const res = await get('/search?q=%20R%C3%89USSITE,%20%C3%89cole%20!!&page=1')
    expect(res.status).toBe(301)
    expect(res.headers.get('Location')).toBe('/search?q=r%C3%A9ussite+%C3%A9cole')
    expect(res.headers.get('Cache-Control')).toBe('no-store')
    expect((await get('/search?q=%22%2A%28%29')).headers.get('Location')).toBe('/search')
    expect((await get('/api/search?q=Edge')).headers.get('Location')).toBe('/api/search?q=edge')
  })

  it('caches a results page for a minute at most, under the search tag', async () => {
    const base = origin()
    const first = await get(q('edge'), base)
    expect(first.headers.get('X-Cache')).toBe('MISS')
    expect(first.headers.get('Cache-Tag')).toBe('search')
    const maxAge = Number(/max-age=(\d+)/.exec(first.headers.get('CDN-Cache-Control') ?? '')?.[1])
    expect(maxAge).toBeGreaterThan(0)
    expect(maxAge).toBeLessThanOrEqual(60)
    expect((await get(q('edge'), base)).headers.get('X-Cache')).toBe('HIT')
  })

  it('shows the form, without a query, in the header of every page', async () => {
    const home = await (await get('/')).text()
    expect(home).toMatch(/<form class="search-form compact" role="search" action="\/search" method="get"/)
    const prompt = await get('/search')
    expect(prompt.status).toBe(200)
    expect(await prompt.text()).toContain('Type one or more words')
  })
})
