import { env, exports } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { pageKey, postKey } from '../../src/content/keys'
import { seedContent, seedPages } from '../fixtures/content'
import { writeSearchIndex } from '../fixtures/search'

/**
 * Pages are found by the search like posts, written into the index by the same publish step;
 * a draft page never, and a page shows no date among the results (it has none).
 */

const origin = `https://search-pages-${Date.now()}.test`
const api = async (text: string) => {
  const res = await exports.default.fetch(new Request(`${origin}/api/search?q=${encodeURIComponent(text)}`))
  expect(res.status).toBe(200)
  return (await res.json()) as { total: number; results: { kind: string; path: string; title: string; date?: string }[] }
}

beforeAll(async () => {
  const posts = await seedContent(env.CONTENT, [{ slug: 'un-billet', title: 'Un billet', date: '2026-01-10T09:00:00.000Z', markdown: 'Le colophon est ailleurs.' }])
  const index = await seedPages(env.CONTENT, posts, [
    { slug: 'colophon', title: 'Colophon', markdown: 'Composé en typographie soignée, hébergé à la périphérie.' },
    { slug: 'brouillon', title: 'Brouillon', draft: true, markdown: 'Une typographie secrète.' },
  ])
  const bodies = new Map<string, string>()
  for (const meta of index.posts) bodies.set(postKey(meta), (await env.CONTENT.get(postKey(meta)))!)
  for (const meta of index.pages ?? []) bodies.set(pageKey(meta), (await env.CONTENT.get(pageKey(meta)))!)
  await writeSearchIndex(env.DB, { index, bodies })
})

describe('search of pages', () => {
  it('finds a page by its text, accents aside, at its own address and without a date', async () => {
    const { results } = await api('peripherie')
    expect(results).toEqual([expect.objectContaining({ kind: 'page', path: '/colophon', title: 'Colophon' })])
    expect(results[0]!.date).toBeUndefined()
  })

  it('ranks a page and a post by relevance and never finds a draft page', async () => {
    expect((await api('colophon')).results.map((r) => r.path)).toEqual(['/colophon', '/posts/un-billet'])
    expect((await api('typographie')).results.map((r) => r.path)).toEqual(['/colophon'])
  })

  it('shows a page among the results without a date', async () => {
    const html = await (await exports.default.fetch(new Request(`${origin}/search?q=peripherie`))).text()
    const item = /<li>\s*<h2[^>]*><a href="\/colophon">[\s\S]*?<\/li>/.exec(html)?.[0] ?? ''
    expect(item).toContain('Colophon')
    expect(item).not.toContain('<time')
  })
})
