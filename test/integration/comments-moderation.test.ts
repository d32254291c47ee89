import { env } from 'cloudflare:workers'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { setStatus } from '../../src/comments/store'
import { comment, commentIdOf, fetchWith, get, origin, postForm, postJson, refusedFormOf, rowsOf, seedPost, shownIds } from './comments-http'
import { inOneRateWindow } from '../fixtures/rate-window'

const ADMIN = { Authorization: 'Bearer test-admin-token' }
let ips = 0
/** A client address of its own per test: the rate limiter's counts outlive a test. */
const ip = () => `2001:db8::${Math.floor(Math.random() * 0xffff).toString(16)}:${(++ips).toString(16)}`

async function postAndFollow(base: string, slug: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  const res = await postForm(`${base}/posts/${slug}/comments`, comment(fields), headers)
  expect(res.status).toBe(303)
  return { location: res.headers.get('Location')!, id: commentIdOf(res.headers.get('Location')) }
}

describe('moderation policies', () => {
  it('holds every comment under "hold": the poster gets their own signed, uncached view of it', async () => {
    const base = origin()
    const slug = await seedPost('held', { comments: { moderation: 'hold' } })
    const { location, id } = await postAndFollow(base, slug, { author: 'Waiting', body: 'Held *text*', email: 'w@example.com' })
    expect(location).toMatch(new RegExp(`^/posts/held/comments/${id}\\?t=[\\w.%-]+$`))
    const own = await get(base + location)
    expect(own.status).toBe(200)
    expect(own.headers.get('Cache-Control')).toBe('no-store')
    const html = await own.text()
    expect(html).toContain('<h1>Your comment is awaiting moderation</h1>')
    expect(html).toContain('<span class="badge pending">Awaiting moderation</span>')
    expect(html).toContain('<p>Held <em>text</em></p>')
    expect(html).toContain('<meta name="robots" content="noindex"/>')
    expect(html).toMatch(new RegExp(`href="/posts/held/comments/${id}/edit\\?t=[\\w.%-]+">Edit or delete your comment</a>`))
    expect(html).not.toContain('w@example.com')

    const token = new URL(base + location).searchParams.get('t')!
    for (const path of [`/posts/held/comments/${id}`, `/posts/held/comments/${id}?t=${token}x`, `/posts/held/comments/${id}?t=`]) {
      expect((await get(base + path)).status, path).toBe(404)
    }
    const page = await (await get(`${base}/posts/${slug}`)).text()
    expect(page).not.toContain('Held <em>text</em>')
    expect(page).toContain('<h2 id="comments-title">0 comments</h2>')
    expect(page).toContain('Comments appear once the author approves them.')
  })

  it('does not open another comment with a view token, nor the same comment under another post', async () => {
    const base = origin()
    const slug = await seedPost('tokens', { comments: { moderation: 'hold' }, others: [{ slug: 'tokens-other', title: 'Other' }] })
    const a = await postAndFollow(base, slug, { body: 'First held' })
    const b = await postAndFollow(base, slug, { body: 'Second held' })
    const tokenA = new URL(base + a.location).searchParams.get('t')!
    expect((await get(`${base}/posts/${slug}/comments/${b.id}?t=${tokenA}`)).status).toBe(404)
    expect((await get(`${base}/posts/tokens-other/comments/${a.id}?t=${tokenA}`)).status).toBe(404)
  })

  it('holds first-time commenters until one of their comments is approved, then trusts that name and email', async () => {
    const base = origin()
    const slug = await seedPost('first-time', { comments: { moderation: 'first-time' } })
    const who = { author: 'Kwame', email: 'kwame@example.com' }
    const first = await postAndFollow(base, slug, { ...who, body: 'My first' })
    expect(first.location).toContain('?t=')
    const second = await postAndFollow(base, slug, { ...who, body: 'Still unknown' })
    expect(second.location).toContain('?t=')
    await setStatus(env.DB, first.id, 'approved')
    const trusted = await postAndFollow(base, slug, { ...who, email: 'KWAME@example.com', body: 'Now trusted' })
    expect(trusted.location).toMatch(/\?edit=.*#comment-\d+$/)
    const otherEmail = await postAndFollow(base, slug, { ...who, email: 'other@example.com', body: 'Other email' })
    const noEmail = await postAndFollow(base, slug, { author: 'Kwame', body: 'No email' })
    expect([otherEmail.location, noEmail.location].every((l) => l.includes('?t='))).toBe(true)
    expect((await rowsOf(slug)).map((row) => row.status)).toEqual(['approved', 'pending', 'approved', 'pending', 'pending'])
  })

  it('holds a comment with more links than the threshold, even when every comment is approved', async () => {
    const base = origin()
    const slug = await seedPost('links', { comments: { moderation: 'all', maxLinks: 2 } })
    const links = (n: number) => Array.from({ length: n }, (_, i) => `[l${i}](https://x.example/${i})`).join(' ')
    const ok = await postAndFollow(base, slug, { body: links(2) })
    const held = await postAndFollow(base, slug, { body: links(3) })
    expect(ok.location).toContain('#comment-')
    expect(held.location).toContain('?t=')
  })

  it('publishes an admin request at once, skipping the hold, and marks the author’s name with the badge', async () => {
    const base = origin()
    const slug = await seedPost('admin-post', { comments: { moderation: 'hold', maxLinks: 0 } })
    const reader = await postAndFollow(base, slug, { author: 'Guest', body: 'A [link](https://x.example)' }, ADMIN)
    const author = await postAndFollow(base, slug, { author: 'Ana Autora', body: 'From the author' }, ADMIN)
    expect(reader.location).toContain('#comment-')
    const rows = await rowsOf(slug)
    expect(rows.map((row) => [row.status, row.is_author])).toEqual([['approved', 0], ['approved', 1]])
    const page = await (await get(`${base}/posts/${slug}`)).text()
    expect(shownIds(page)).toEqual([reader.id, author.id])
    expect(page).toContain(`<li id="comment-${author.id}" class="comment by-author">`)
  })
})

describe('the rate limit per IP', () => {
  it('refuses the sixth comment in a minute from one address with 429, the form kept, and says when to retry', async () => {
    await inOneRateWindow(async (attempt) => {
      const base = origin()
      const slug = await seedPost(`rate-limited-${attempt}`)
      const address = ip()
      for (let i = 0; i < 5; i++) {
        const res = await postForm(`${base}/posts/${slug}/comments`, comment(), { 'CF-Connecting-IP': address })
        expect(res.status, `comment ${i + 1}`).toBe(303)
      }
      const res = await postForm(`${base}/posts/${slug}/comments`, comment({ body: 'One too many' }), { 'CF-Connecting-IP': address })
      expect(res.status).toBe(429)
      expect(res.headers.get('Retry-After')).toBe('60')
      expect(res.headers.get('Cache-Control')).toBe('no-store')
      const html = refusedFormOf(await res.text())
      expect(html).toContain('Wait a minute, then send this one again.')
      expect(html).toContain('\nOne too many</textarea>')
      const api = await postJson(`${base}/api/posts/${slug}/comments`, { author: 'Léa', body: 'Via the API' }, { 'CF-Connecting-IP': address })
      expect(api.status).toBe(429)
      expect((await api.json<{ error: { code: string } }>()).error.code).toBe('rate_limited')
      // Another address, and the admin on the same one, are not limited.
      expect((await postForm(`${base}/posts/${slug}/comments`, comment(), { 'CF-Connecting-IP': ip() })).status).toBe(303)
      expect((await postForm(`${base}/posts/${slug}/comments`, comment(), { 'CF-Connecting-IP': address, ...ADMIN })).status).toBe(303)
      expect(await rowsOf(slug)).toHaveLength(7)
    })
  })

  it('stores the address only as an HMAC', async () => {
    const base = origin()
    const slug = await seedPost('ip-hmac')
    await postForm(`${base}/posts/${slug}/comments`, comment(), { 'CF-Connecting-IP': '203.0.113.9' })
    const [row] = await rowsOf(slug)
    expect(row!.ip_hmac).toMatch(/^[0-9a-f]{64}$/)
    expect(JSON.stringify(row)).not.toContain('203.0.113.9')
  })
})

describe('Turnstile, when TURNSTILE_SECRET is set', () => {
  afterEach(() => vi.restoreAllMocks())

  /** Cloudflare's siteverify, faked: the only outbound call the Worker makes. */
  function fakeSiteverify(answer: (token: string) => Response | Promise<Response>) {
    const calls: URLSearchParams[] = []
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
      const url = input instanceof Request ? input.url : String(input)
      if (url !== 'https://challenges.cloudflare.com/turnstile/v0/siteverify') throw new Error(`unexpected fetch ${url}`)
      const form = new URLSearchParams(String(init?.body))
      calls.push(form)
      return answer(form.get('response') ?? '')
    })
    return calls
  }

  const send = (base: string, slug: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
    fetchWith(
      new Request(`${base}/posts/${slug}/comments`, { method: 'POST', body: new URLSearchParams(comment(fields)), headers, redirect: 'manual' }),
      { TURNSTILE_SECRET: 'turnstile-secret' },
    )

  it('accepts a token that siteverify accepts, sending the secret and the address', async () => {
    const base = origin()
    const slug = await seedPost('turnstile-ok')
    const calls = fakeSiteverify((token) => Response.json({ success: token === 'good-token' }))
    const res = await send(base, slug, { 'cf-turnstile-response': 'good-token' }, { 'CF-Connecting-IP': '192.0.2.7' })
    expect(res.status).toBe(303)
    expect(calls.map((form) => Object.fromEntries(form))).toEqual([
      { secret: 'turnstile-secret', response: 'good-token', remoteip: '192.0.2.7' },
    ])
  })

  it('refuses a missing or rejected token with 403, and fails closed with 503 when siteverify errs', async () => {
    const base = origin()
    const slug = await seedPost('turnstile-refused')
    fakeSiteverify((token) => {
      if (token === 'network') throw new TypeError('fetch failed')
      if (token === 'outage') return new Response('busy', { status: 502 })
      return Response.json({ success: false, 'error-codes': ['invalid-input-response'] })
    })
    const outcomes = []
    for (const token of ['', 'bad', 'network', 'outage']) {
      const res = await send(base, slug, { 'cf-turnstile-response': token, body: `Kept ${token}` })
      const html = await res.text()
      expect(html, token).toContain(`\nKept ${token}</textarea>`)
      outcomes.push(res.status)
    }
    expect(outcomes).toEqual([403, 403, 503, 503])
    expect(await rowsOf(slug)).toHaveLength(0)
  })

  it('does not ask an admin request for a token', async () => {
    const base = origin()
    const slug = await seedPost('turnstile-admin')
    const calls = fakeSiteverify(() => Response.json({ success: false }))
    expect((await send(base, slug, {}, ADMIN)).status).toBe(303)
    expect(calls).toHaveLength(0)
  })
})

describe('privacy of every public surface', () => {
  it('never shows an email, an IP or its digest, a submit key, or a comment that is not approved', async () => {
    const base = origin()
    const slug = await seedPost('private-bits', { comments: { moderation: 'first-time' } })
    const address = '203.0.113.77'
    const send = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
      postForm(`${base}/posts/${slug}/comments`, comment(fields), { 'CF-Connecting-IP': address, ...headers })
    await send({ author: 'Public', email: 'public-mail@example.com', body: 'Approved words', notify: 'replies' }, ADMIN)
    await send({ author: 'Pending person', email: 'pending-mail@example.com', body: 'Pending words' })
    const spam = await send({ author: 'Spammer', email: 'spam-mail@example.com', body: 'Spam words' })
    await setStatus(env.DB, commentIdOf(spam.headers.get('Location')), 'spam')
    const secrets = ['public-mail@', 'pending-mail@', 'spam-mail@', address, 'Pending words', 'Pending person', 'Spam words', 'Spammer']
    for (const row of await rowsOf(slug)) secrets.push(String(row.ip_hmac), String(row.submit_key))
    for (const path of ['/', `/posts/${slug}`, `/posts/${slug}/comments.xml`, `/api/posts/${slug}/comments`]) {
      const text = await (await get(base + path)).text()
      for (const secret of secrets) expect(text.includes(secret), `${secret} in ${path}`).toBe(false)
      if (path !== '/') expect(text, path).toContain('Approved words')
    }
  })
})
