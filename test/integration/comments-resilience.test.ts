import { waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { app } from '../../src/app'
import { INDEX_KEY } from '../../src/content/keys'
import { getIndex } from '../../src/content/store'
import { expectErrorsLogged } from '../fixtures/logged-errors'
import { withFakeWorkersCache } from '../fixtures/workers-cache'
import { brokenDb, comment, discussionOf, fetchWith, get, origin, postForm, refusedFormOf, rowsOf, seedPost, shownIds } from './comments-http'

const broken = (url: string, init: RequestInit = {}) => fetchWith(new Request(url, { redirect: 'manual', ...init }), { DB: brokenDb })

describe('when D1 fails', () => {
  expectErrorsLogged(/D1_ERROR/)

  it('still renders the post (200) with a note, uncached, and heals on the next request', async () => {
    const base = origin()
    const slug = await seedPost('d1-down')
    await postForm(`${base}/posts/${slug}/comments`, comment({ body: 'Survives the outage' }))
    const res = await broken(`${base}/posts/${slug}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('Cache-Control')).toBe('no-store')
    const html = await res.text()
    expect(html).toContain(`<h1>Post ${slug}</h1>`)
    expect(discussionOf(html)).toContain('Comments cannot be shown right now.')
    expect(html).toContain('<form id="comment-form"')
    const healed = await get(`${base}/posts/${slug}`)
    expect(healed.headers.get('X-Cache')).toBe('MISS')
    expect(await healed.text()).toContain('Survives the outage')
  })

  it('answers a comment with 503 and the reader’s text kept in the form, never a 500', async () => {
    const base = origin()
    const slug = await seedPost('d1-down-post')
    const res = await broken(`${base}/posts/${slug}/comments`, {
      method: 'POST',
      body: new URLSearchParams(comment({ author: 'Patient', body: 'Please keep <this> text', email: 'p@example.com' })),
    })
    expect(res.status).toBe(503)
    expect(res.headers.get('Cache-Control')).toBe('no-store')
    const html = refusedFormOf(await res.text())
    expect(html).toContain('Your comment could not be saved just now.')
    expect(html).toContain('\nPlease keep &lt;this&gt; text</textarea>')
    expect(html).toContain('value="Patient"')
    expect(await rowsOf(slug)).toHaveLength(0)
  })

  it('keeps the reply’s parent when the thread cannot be read, so sending again still replies', async () => {
    const base = origin()
    const slug = await seedPost('d1-down-reply')
    const res = await broken(`${base}/posts/${slug}/comments`, {
      method: 'POST',
      body: new URLSearchParams(comment({ parent_id: '42' })),
    })
    expect(res.status).toBe(503)
    expect(await res.text()).toContain('<input type="hidden" name="parent_id" value="42"/>')
  })

  it('answers 503, not 500, on the permalink, the feed, the reply page and the API; the home page loses only its counts', async () => {
    const base = origin()
    const slug = await seedPost('d1-down-everywhere')
    for (const path of [`/posts/${slug}/comments/1`, `/posts/${slug}/comments/1?t=1.x`, `/posts/${slug}/comments.xml`, `/posts/${slug}/comments/1/reply`, `/api/posts/${slug}/comments`]) {
      const res = await broken(base + path)
      expect(res.status, path).toBe(path.includes('?t=') ? 404 : 503)
      expect(res.headers.get('Cache-Control')).toBe('no-store')
    }
    const api = await broken(`${base}/api/posts/${slug}/comments`, {
      method: 'POST',
      body: JSON.stringify({ author: 'Léa', body: 'Hi' }),
      headers: { 'Content-Type': 'application/json' },
    })
    expect(api.status).toBe(503)
    expect(await api.json()).toMatchObject({ error: { code: 'unavailable' } })
    const home = await broken(`${base}/`)
    expect(home.status).toBe(200)
    expect(home.headers.get('Cache-Control')).toBe('no-store')
    expect(await home.text()).not.toContain('#comments">')
  })
})

describe('when the index names no confusables table (published before it existed)', () => {
  expectErrorsLogged(/the confusables table is not in KV/)

  it('answers a comment with 503 and the text kept, stores nothing, and takes it once the table is published', async () => {
    const base = origin()
    const slug = await seedPost('no-confusables')
    const index = await getIndex(env.CONTENT)
    const { confusables: _table, ...older } = index
    await env.CONTENT.put(INDEX_KEY, JSON.stringify(older))
    const form = comment({ author: 'Patient', body: 'Checked against no table' })
    const res = await fetchWith(new Request(`${base}/posts/${slug}/comments`, { method: 'POST', body: new URLSearchParams(form), redirect: 'manual' }), {})
    expect(res.status).toBe(503)
    const html = refusedFormOf(await res.text())
    expect(html).toContain('Your comment could not be saved just now.')
    expect(html).toContain('\nChecked against no table</textarea>')
    expect(await rowsOf(slug)).toHaveLength(0)
    await env.CONTENT.put(INDEX_KEY, JSON.stringify(index))
    expect((await postForm(`${base}/posts/${slug}/comments`, form)).status).toBe(303)
    expect(await rowsOf(slug)).toHaveLength(1)
  })
})

describe('the cache after a comment', () => {
  it('purges the post’s pages, feed, API and the home page when a comment is published', async () => {
    const base = origin()
    const slug = await seedPost('purged')
    const paths = [`/posts/${slug}`, '/', `/posts/${slug}/comments.xml`, `/api/posts/${slug}/comments`]
    for (const path of paths) {
      expect((await get(base + path)).headers.get('X-Cache'), path).toBe('MISS')
      expect((await get(base + path)).headers.get('X-Cache'), path).toBe('HIT')
    }
    await postForm(`${base}/posts/${slug}/comments`, comment({ body: 'Fresh comment' }))
    for (const path of paths) {
      const res = await get(base + path)
      expect(res.headers.get('X-Cache'), path).toBe('MISS')
      expect(await res.text(), path).toMatch(path === '/' ? /1 comment</ : /Fresh comment/)
    }
  })

  it('leaves the cached pages alone when the comment is held', async () => {
    const base = origin()
    const slug = await seedPost('not-purged', { comments: { moderation: 'hold' } })
    await get(`${base}/posts/${slug}`)
    await postForm(`${base}/posts/${slug}/comments`, comment({ body: 'Held back' }))
    const res = await get(`${base}/posts/${slug}`)
    expect(res.headers.get('X-Cache')).toBe('HIT')
    expect(shownIds(await res.text())).toEqual([])
  })

  it('asks Workers Cache to purge the post’s tag and the lists’ tag, once, when it is there', async () => {
    const base = origin()
    const slug = await seedPost('workers-cache')
    const { ctx, purged } = withFakeWorkersCache()
    const req = new Request(`${base}/posts/${slug}/comments`, { method: 'POST', body: new URLSearchParams(comment()), redirect: 'manual' })
    const res = await app.fetch(req, env, ctx)
    await waitOnExecutionContext(ctx)
    expect(res.status).toBe(303)
    expect(purged).toEqual([[`post:${slug}`, 'list']])
  })
})
