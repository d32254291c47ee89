import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env, exports } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { app } from '../../src/app'
import { publishWithSearch } from '../fixtures/search'

/**
 * What a publish does to the index: each test publishes its whole content (as a publish does,
 * everything else leaves the index), so no test depends on another's.
 */

let hosts = 0
const origin = () => `https://search-publish-${++hosts}-${Date.now()}.test`
const found = async (word: string) => {
  const res = await exports.default.fetch(`${origin()}/api/search?q=${encodeURIComponent(word)}`)
  expect(res.status).toBe(200)
  return ((await res.json()) as { results: { path: string; title: string }[] }).results
}

describe('the search index at publish', () => {
  it('drops a removed post, rewrites a changed one, keeps the others as they are', async () => {
    await publishWithSearch([
      { slug: 'stays', title: 'Stays', markdown: 'Permanent words.' },
      { slug: 'goes', title: 'Goes', markdown: 'Ephemeral words.' },
      { slug: 'changes', title: 'Changes', markdown: 'Before the edit.' },
    ])
    expect(await found('ephemeral')).toHaveLength(1)
    const rowsBefore = await env.DB.prepare("SELECT rowid FROM search_index WHERE doc = 'post:stays'").first<{ rowid: number }>()
    await publishWithSearch([
      { slug: 'stays', title: 'Stays', markdown: 'Permanent words.' },
      { slug: 'changes', title: 'Changed', markdown: 'After the edit.' },
    ])
    expect(await found('ephemeral')).toEqual([])
    expect(await found('before')).toEqual([])
    expect((await found('after')).map((r) => r.title)).toEqual(['Changed'])
    expect((await found('permanent')).map((r) => r.title)).toEqual(['Stays'])
    // Unchanged posts are not written again.
    const rowsAfter = await env.DB.prepare("SELECT rowid FROM search_index WHERE doc = 'post:stays'").first<{ rowid: number }>()
    expect(rowsAfter).toEqual(rowsBefore)
    expect((await env.DB.prepare('SELECT count(*) AS n FROM search_index').first<{ n: number }>())!.n).toBe(2)
  })

  it('never indexes a draft, even when KV holds it for previews', async () => {
    await publishWithSearch([
      { slug: 'public', title: 'Public', markdown: 'Shared words.' },
      { slug: 'draft', title: 'Draft', draft: true, markdown: 'Shared words, secret.' },
    ])
    expect((await found('shared')).map((r) => r.title)).toEqual(['Public'])
    expect(await found('secret')).toEqual([])
    expect((await env.DB.prepare("SELECT count(*) AS n FROM search_index WHERE doc = 'post:draft'").first<{ n: number }>())!.n).toBe(0)
  })

  it('takes a post that becomes a draft out of the index', async () => {
    await publishWithSearch([{ slug: 'flip', title: 'Flip', markdown: 'Flipping words.' }])
    expect(await found('flipping')).toHaveLength(1)
    await publishWithSearch([{ slug: 'flip', title: 'Flip', draft: true, markdown: 'Flipping words.' }])
    expect(await found('flipping')).toEqual([])
  })

  it('speaks the site’s language', async () => {
    await publishWithSearch([{ slug: 'fr-site', title: 'Un billet', markdown: 'Bonjour.' }], { language: 'fr' })
    const html = await (await exports.default.fetch(`${origin()}/search?q=bonjour`)).text()
    expect(html).toContain('<h1>Résultats pour «\u00a0bonjour\u00a0»</h1>')
    expect(html).toContain('1 résultat')
  })

  it('lets the publish tool purge every results page through the search tag (Workers Cache)', async () => {
    await publishWithSearch([{ slug: 'tagged', title: 'Tagged', markdown: 'Purge words.' }])
    const purged: string[][] = []
    const ctx = Object.assign(createExecutionContext(), { cache: { purge: async ({ tags }: { tags: string[] }) => void purged.push(tags) } })
    const res = await app.fetch(
      new Request(`${origin()}/api/admin/purge`, { method: 'POST', headers: { Authorization: 'Bearer test-admin-token', 'Content-Type': 'application/json' }, body: JSON.stringify({ tags: ['search'] }) }),
      env,
      ctx,
    )
    await waitOnExecutionContext(ctx)
    expect(res.status).toBe(200)
    expect(purged.flat()).toContain('search')
  })
})
