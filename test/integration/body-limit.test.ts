import { exports } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { COMMENT_MAX_BYTES, FORM_MAX_FIELDS } from '../../src/routes/body-limit'
import { ADMIN_TOKEN, signIn, uniqueOrigin } from '../fixtures/admin'
import { origin, postForm, postJson, refusedFormOf, rowsOf, seedPost } from './comments-http'

/**
 * Request bodies past a route's limit are refused with 413 before anything parses them, whether
 * they declare their length or stream it, and a refused form never comes back larger than its
 * fields' limits.
 */

const TEN_MB = 10 * 1024 * 1024
const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' }
const JSON_TYPE = { 'Content-Type': 'application/json' }

/** A body sent in chunks without Content-Length, as a chunked upload arrives. */
function streamed(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text)
  let at = 0
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close()
      controller.enqueue(bytes.slice(at, (at += 64 * 1024)))
    },
  })
}

function send(url: string, body: string | ReadableStream, headers: Record<string, string>): Promise<Response> {
  const request = new Request(url, { method: 'POST', body, headers: { Origin: new URL(url).origin, ...headers }, redirect: 'manual' })
  if (typeof body !== 'string') expect(request.headers.has('Content-Length')).toBe(false)
  return exports.default.fetch(request)
}

/** A 10 MB comment that fails validation (no name), as one piece and streamed. */
const hugeForm = () => `author=&body=${'x'.repeat(TEN_MB)}`

describe('the comment form', () => {
  it('answers 413 with a page saying what to do, echoing nothing, for a 10 MB body sent either way', async () => {
    const base = origin('limit')
    const slug = await seedPost('limit-form')
    for (const body of [hugeForm(), streamed(hugeForm())]) {
      const res = await send(`${base}/posts/${slug}/comments`, body, FORM)
      expect(res.status).toBe(413)
      expect(res.headers.get('Content-Type')).toMatch(/^text\/html/)
      expect(res.headers.get('Cache-Control')).toBe('no-store')
      const html = await res.text()
      expect(html.length).toBeLessThan(20_000)
      expect(html).toContain('<h1>Too much to send</h1>')
      expect(html).toContain('A comment holds at most 10,000 characters and a name 100: go back, shorten your text')
      expect(html).toContain(`href="/posts/${slug}#comments"`)
    }
    expect(await rowsOf(slug)).toHaveLength(0)
  })

  it('answers 413 in the post’s language', async () => {
    const base = origin('limit')
    const slug = await seedPost('limit-fr', { post: { lang: 'fr' } })
    const html = await (await send(`${base}/posts/${slug}/comments`, hugeForm(), FORM)).text()
    expect(html).toContain('<h1>Trop de texte à envoyer</h1>')
  })

  it('answers 413 for a form of many fields, before parsing them', async () => {
    const base = origin('limit')
    const slug = await seedPost('limit-fields')
    const small = `author=L%C3%A9a&body=Hi${'&a='.repeat(FORM_MAX_FIELDS)}`
    expect(small.length).toBeLessThan(COMMENT_MAX_BYTES)
    expect((await send(`${base}/posts/${slug}/comments`, small, FORM)).status).toBe(413)
    const many = `author=L%C3%A9a&body=Hi${'&a'.repeat(200_000)}`
    expect((await send(`${base}/posts/${slug}/comments`, many, FORM)).status).toBe(413)
    expect(await rowsOf(slug)).toHaveLength(0)
  })

  it('answers 413 on the edit and delete forms too, before their token is read from the body', async () => {
    const base = origin('limit')
    const slug = await seedPost('limit-edit')
    for (const action of ['edit', 'delete']) {
      const res = await send(`${base}/posts/${slug}/comments/1/${action}`, streamed(`t=x&${hugeForm()}`), FORM)
      expect(res.status, action).toBe(413)
    }
  })

  it('takes the largest comment the schema accepts, at its worst encoding', async () => {
    const base = origin('limit')
    const slug = await seedPost('limit-largest')
    const fields = {
      author: '😀'.repeat(100),
      email: `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(57)}`,
      body: '😀'.repeat(10_000),
      notify: 'post',
      'cf-turnstile-response': '%'.repeat(2048),
      website: '',
      parent_id: '',
    }
    expect(new URLSearchParams(fields).toString().length).toBeGreaterThan(120_000)
    const res = await postForm(`${base}/posts/${slug}/comments`, fields)
    expect(res.status).toBe(303)
    expect((await rowsOf(slug))[0]).toMatchObject({ author_name: fields.author, body: fields.body })
  })

  it('shows a refused form again with each field cut to its limit and unknown fields left out', async () => {
    const base = origin('limit')
    const slug = await seedPost('limit-echo')
    const fields = { author: 'n'.repeat(5_000), body: 'y'.repeat(40_000), email: `${'e'.repeat(2_000)}@example.com`, junk: 'JUNKMARK'.repeat(1_000) }
    const res = await postForm(`${base}/posts/${slug}/comments`, fields)
    expect(res.status).toBe(422)
    const html = refusedFormOf(await res.text())
    expect(html).toContain(`>\n${'y'.repeat(10_000)}</textarea>`)
    expect(html).not.toContain('y'.repeat(10_001))
    expect(html).toContain(`value="${'n'.repeat(100)}"`)
    expect(html).not.toContain('n'.repeat(101))
    expect(html).not.toContain('e'.repeat(255))
    expect(html).not.toContain('JUNKMARK')
    expect(html).toContain('(it has 40,000)')
  })
})

describe('the comment API', () => {
  it('answers 413 {error:{code,message}} for a 10 MB body sent either way', async () => {
    const base = origin('limit')
    const slug = await seedPost('limit-api')
    const json = () => JSON.stringify({ author: '', body: 'x'.repeat(TEN_MB) })
    for (const body of [json(), streamed(json())]) {
      const res = await send(`${base}/api/posts/${slug}/comments`, body, JSON_TYPE)
      expect(res.status).toBe(413)
      const { error } = await res.json<{ error: { code: string; message: string } }>()
      expect(error.code).toBe('too_large')
      expect(error.message).toMatch(/^The request body is larger than 128 KiB, .*10,000 characters/)
    }
    expect(await rowsOf(slug)).toHaveLength(0)
  })

  it('takes the largest comment the schema accepts, every character escaped', async () => {
    const base = origin('limit')
    const slug = await seedPost('limit-api-largest')
    // JSON's longest spelling of an emoji: two \u escapes, one per UTF-16 unit.
    const escaped = (text: string) => Array.from({ length: text.length }, (_, i) => `\\u${text.charCodeAt(i).toString(16)}`).join('')
    const body = `{"author":"${escaped('😀'.repeat(100))}","body":"${escaped('😀'.repeat(10_000))}","turnstileToken":"${'t'.repeat(2048)}"}`
    expect(body.length).toBeGreaterThan(120_000)
    const res = await postJson(`${base}/api/posts/${slug}/comments`, body)
    expect(res.status).toBe(201)
  })
})

describe('the admin', () => {
  it('refuses an oversized form before signing in, or once signed in', async () => {
    const base = uniqueOrigin('limit-admin')
    const login = await send(`${base}/admin/login`, `token=${'t'.repeat(TEN_MB)}`, FORM)
    expect(login.status).toBe(413)
    const cookie = await signIn(base)
    const bulk = await send(`${base}/admin/comments`, streamed(`action=approve${'&id=1'.repeat(300_000)}`), { ...FORM, Cookie: cookie })
    expect(bulk.status).toBe(413)
    const many = await send(`${base}/admin/comments`, `action=approve${'&id=1'.repeat(1_000)}`, { ...FORM, Cookie: cookie })
    expect(many.status).toBe(413)
    const hundred = await send(`${base}/admin/comments`, `action=approve${'&id=1'.repeat(100)}`, { ...FORM, Cookie: cookie })
    expect(hundred.status).toBe(303)
  })

  it('answers 413 JSON on the admin API past 1 MiB, and takes a purge of 1,000 long tags', async () => {
    const base = uniqueOrigin('limit-admin')
    const auth = { ...JSON_TYPE, Authorization: `Bearer ${ADMIN_TOKEN}` }
    const big = JSON.stringify({ tags: ['x'.repeat(TEN_MB)] })
    for (const body of [big, streamed(big)]) {
      const res = await send(`${base}/api/admin/purge`, body, auth)
      expect(res.status).toBe(413)
      expect((await res.json<{ error: { code: string } }>()).error.code).toBe('too_large')
    }
    // The largest purge the route's own schema takes; PATCH keeps it from purging anything.
    const largest = JSON.stringify({ tags: Array.from({ length: 1_000 }, () => 'p'.repeat(1_024)) })
    const res = await exports.default.fetch(new Request(`${base}/api/admin/comments/987654`, { method: 'PATCH', body: largest, headers: auth }))
    expect(res.status).toBe(400)
  })
})
