import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { EDIT_WINDOW_MS, signToken } from '../../src/comments/hmac'
import { getComment, insertComment } from '../../src/comments/store'
import { COMMENT_RENDER_VERSION } from '../../src/markdown/comment'
import { newComment } from '../fixtures/comments/new-comment'
import { comment, commentIdOf, discussionOf, get, origin, postForm, seedPost, shownIds } from './comments-http'
import { inOneRateWindow } from '../fixtures/rate-window'

const KEY = 'test-signing-key'

/** Posts a comment and returns its id and the edit token from the redirect (or the held view). */
async function postWithEditLink(base: string, slug: string, fields: Record<string, string> = {}) {
  const res = await postForm(`${base}/posts/${slug}/comments`, comment(fields))
  const location = res.headers.get('Location')!
  const id = commentIdOf(location)
  const edit = new URL(base + location).searchParams.get('edit')
  if (edit) return { id, token: edit.slice(edit.indexOf('.') + 1) }
  const own = await (await get(base + location)).text()
  const token = new RegExp(`/comments/${id}/edit\\?t=([\\w.%-]+)"`).exec(own)?.[1]
  if (!token) throw new Error('no edit link on the held view')
  return { id, token: decodeURIComponent(token) }
}

const editUrl = (base: string, slug: string, id: number, token: string) => `${base}/posts/${slug}/comments/${id}/edit?t=${encodeURIComponent(token)}`
const send = (base: string, slug: string, id: number, action: 'edit' | 'delete', fields: Record<string, string>) =>
  postForm(`${base}/posts/${slug}/comments/${id}/${action}`, fields)

describe('editing one’s own comment within 15 minutes', () => {
  it('shows the form (uncached), saves the new text rendered once, and purges the page', async () => {
    const base = origin()
    const slug = await seedPost('editable')
    const { id, token } = await postWithEditLink(base, slug, { body: 'Frist draft' })
    expect((await get(`${base}/posts/${slug}`)).headers.get('X-Cache')).toBe('MISS')
    expect((await get(`${base}/posts/${slug}`)).headers.get('X-Cache')).toBe('HIT')

    const form = await get(editUrl(base, slug, id, token))
    expect(form.status).toBe(200)
    expect(form.headers.get('Cache-Control')).toBe('no-store')
    const html = await form.text()
    expect(html).toContain('<h1>Edit your comment</h1>')
    expect(html).toContain('\nFrist draft</textarea>')
    expect(html).toContain(`<input type="hidden" name="t" value="${token}"/>`)
    expect(html).toMatch(/You can change or delete it until [^<]+\./)

    const saved = await send(base, slug, id, 'edit', { t: token, body: 'First *draft*' })
    expect(saved.status).toBe(303)
    expect(saved.headers.get('Location')).toMatch(new RegExp(`^/posts/editable\\?edit=${id}\\.[\\w.-]+#comment-${id}$`))
    const row = await getComment(env.DB, id)
    expect(row).toMatchObject({ body: 'First *draft*', bodyHtml: '<p>First <em>draft</em></p>\n', renderVersion: COMMENT_RENDER_VERSION, status: 'approved' })
    const page = await get(`${base}/posts/${slug}`)
    expect(page.headers.get('X-Cache')).toBe('MISS')
    expect(await page.text()).toContain('<p>First <em>draft</em></p>')
  })

  it('refuses an invalid text with 422 and keeps it', async () => {
    const base = origin()
    const slug = await seedPost('edit-invalid')
    const { id, token } = await postWithEditLink(base, slug)
    const res = await send(base, slug, id, 'edit', { t: token, body: 'x'.repeat(10_001) })
    expect(res.status).toBe(422)
    const html = await res.text()
    expect(html).toContain('<p id="comment-body-error" class="field-error">Shorten your comment to 10,000 characters or fewer (it has 10,001).</p>')
    expect(html).toContain(`\n${'x'.repeat(10_001)}</textarea>`)
  })

  it('puts a published comment back in the queue when the edit adds too many links', async () => {
    const base = origin()
    const slug = await seedPost('edit-links', { comments: { maxLinks: 1 } })
    const { id, token } = await postWithEditLink(base, slug)
    const res = await send(base, slug, id, 'edit', { t: token, body: '[a](https://a.example) [b](https://b.example)' })
    expect(res.headers.get('Location')).toMatch(new RegExp(`^/posts/edit-links/comments/${id}\\?t=`))
    expect((await getComment(env.DB, id))!.status).toBe('pending')
    expect(shownIds(await (await get(`${base}/posts/${slug}`)).text())).toEqual([])
  })

  it('edits a held comment from the poster’s view, and it stays held', async () => {
    const base = origin()
    const slug = await seedPost('edit-held', { comments: { moderation: 'hold' } })
    const { id, token } = await postWithEditLink(base, slug, { body: 'Held one' })
    const res = await send(base, slug, id, 'edit', { t: token, body: 'Held, edited' })
    expect(res.headers.get('Location')).toMatch(new RegExp(`^/posts/edit-held/comments/${id}\\?t=`))
    expect(await getComment(env.DB, id)).toMatchObject({ body: 'Held, edited', status: 'pending' })
  })
})

describe('deleting one’s own comment', () => {
  it('leaves “[deleted]” where replies hang below it, and nothing where none do', async () => {
    const base = origin()
    const slug = await seedPost('deletable')
    const parent = await postWithEditLink(base, slug, { author: 'Parent', body: 'Parent text' })
    const reply = await postForm(`${base}/posts/${slug}/comments`, comment({ parent_id: String(parent.id), body: 'A reply' }))
    const replyId = commentIdOf(reply.headers.get('Location'))
    const lone = await postWithEditLink(base, slug, { body: 'Lone text' })
    for (const { id, token } of [parent, lone]) {
      const res = await send(base, slug, id, 'delete', { t: token })
      expect(res.status).toBe(200)
      expect(res.headers.get('Cache-Control')).toBe('no-store')
      expect(await res.text()).toContain('<h1>Your comment was deleted.</h1>')
      expect((await getComment(env.DB, id))!.status).toBe('deleted')
    }
    const html = discussionOf(await (await get(`${base}/posts/${slug}`)).text())
    expect(shownIds(html)).toEqual([parent.id, replyId])
    expect(html).toContain(`<li id="comment-${parent.id}" class="comment"><p class="comment-deleted">[deleted]</p><ol class="replies">`)
    expect(html).not.toContain('Parent text')
    expect(html).not.toContain('Lone text')
    expect(html).toContain('<h2 id="comments-title">1 comment</h2>')
    // Deleted is final: the link no longer opens it.
    expect((await get(editUrl(base, slug, parent.id, parent.token))).status).toBe(404)
  })
})

describe('an edit link that is expired, forged or misused', () => {
  it('gets a 403 page that says why, on GET and POST, and changes nothing', async () => {
    const base = origin()
    const slug = await seedPost('expired', { others: [{ slug: 'expired-other', title: 'Other' }] })
    const createdAt = Date.now() - EDIT_WINDOW_MS - 60_000
    const { comment: old } = await insertComment(env.DB, newComment({ postSlug: slug, createdAt, body: 'Old text' }))
    const expired = await signToken(KEY, 'edit', old.id, createdAt + EDIT_WINDOW_MS)
    const fresh = await postWithEditLink(base, slug)
    const forged = `${fresh.token.slice(0, -2)}AA`
    const viewToken = await signToken(KEY, 'view', fresh.id, Date.now() + 60_000)
    const attempts: Array<[number, string]> = [[old.id, expired], [fresh.id, forged], [fresh.id, viewToken], [old.id, fresh.token], [fresh.id, '']]
    for (const [id, token] of attempts) {
      const page = await get(editUrl(base, slug, id, token))
      expect(page.status, token).toBe(403)
      expect(page.headers.get('Cache-Control')).toBe('no-store')
      expect(await page.text()).toContain('This link has expired or is not valid.')
      expect((await send(base, slug, id, 'edit', { t: token, body: 'Hijacked' })).status).toBe(403)
      expect((await send(base, slug, id, 'delete', { t: token })).status).toBe(403)
    }
    expect(await getComment(env.DB, old.id)).toMatchObject({ body: 'Old text', status: 'approved' })
    expect((await getComment(env.DB, fresh.id))!.status).toBe('approved')
    // A valid token on another post's URL finds nothing there.
    expect((await get(editUrl(base, 'expired-other', fresh.id, fresh.token))).status).toBe(404)
  })

  it('is not a view link, and the post page ignores an invalid one and stays cacheable', async () => {
    const base = origin()
    const slug = await seedPost('not-a-view', { comments: { moderation: 'hold' } })
    const { id, token } = await postWithEditLink(base, slug)
    expect((await get(`${base}/posts/${slug}/comments/${id}?t=${encodeURIComponent(token)}`)).status).toBe(404)
    const page = await get(`${base}/posts/${slug}?edit=${id}.forged`)
    expect(page.status).toBe(200)
    expect(page.headers.get('Cache-Control')).toBe('no-cache')
    expect(await page.text()).not.toContain('/edit?t=')
  })
})

describe('the poster’s edit link on a cached post page', () => {
  it('reaches the poster even when everyone else gets the page from the cache', async () => {
    const base = origin()
    const slug = await seedPost('edit-cached')
    const res = await postForm(`${base}/posts/${slug}/comments`, comment({ body: 'Cached first' }))
    const location = res.headers.get('Location')!
    expect(location).toContain('edit=')
    await get(`${base}/posts/${slug}`)
    expect((await get(`${base}/posts/${slug}`)).headers.get('X-Cache')).toBe('HIT')
    const own = await get(base + location)
    expect(own.headers.get('X-Cache')).toBe('BYPASS')
    expect(own.headers.get('Cache-Control')).toBe('no-store')
    expect(await own.text()).toMatch(/\/comments\/\d+\/edit\?t=/)
    expect(await (await get(`${base}/posts/${slug}`)).text()).not.toMatch(/\/edit\?t=/)
  })
})

describe('an edit of a published comment that a new comment would not get published with', () => {
  it('goes back to the queue when it adds a link, even under maxLinks, and its page is purged', async () => {
    const base = origin()
    const slug = await seedPost('edit-adds-link', { comments: { maxLinks: 5 } })
    const { id, token } = await postWithEditLink(base, slug, { body: 'A harmless remark' })
    await get(`${base}/posts/${slug}`)
    expect((await get(`${base}/posts/${slug}`)).headers.get('X-Cache')).toBe('HIT')
    const res = await send(base, slug, id, 'edit', { t: token, body: 'Claim your prize: [here](https://phish.example)' })
    expect(res.headers.get('Location')).toMatch(new RegExp(`^/posts/edit-adds-link/comments/${id}\\?t=`))
    expect(await getComment(env.DB, id)).toMatchObject({ status: 'pending', heldReason: 'edit_added_link' })
    const page = await get(`${base}/posts/${slug}`)
    expect(page.headers.get('X-Cache')).toBe('MISS')
    expect(await page.text()).not.toContain('phish.example')
  })

  it('stays published when it keeps or removes links', async () => {
    const base = origin()
    const slug = await seedPost('edit-same-links')
    const { id, token } = await postWithEditLink(base, slug, { body: 'See [this](https://a.example) and [that](https://b.example)' })
    await send(base, slug, id, 'edit', { t: token, body: 'See [this](https://a.example), fixed' })
    expect(await getComment(env.DB, id)).toMatchObject({ status: 'approved', heldReason: null })
  })

  it('goes back to the queue when the policy would hold it as a new comment', async () => {
    const base = origin()
    const slug = await seedPost('edit-first-time', { comments: { moderation: 'first-time' } })
    // Approved by the author although the commenter gave no email, so is never trusted.
    const createdAt = Date.now()
    const { comment: approved } = await insertComment(env.DB, newComment({ postSlug: slug, createdAt, authorEmail: null, body: 'Approved once' }))
    const token = await signToken(KEY, 'edit', approved.id, createdAt + EDIT_WINDOW_MS)
    const res = await send(base, slug, approved.id, 'edit', { t: token, body: 'Something else entirely' })
    expect(res.status).toBe(303)
    expect(await getComment(env.DB, approved.id)).toMatchObject({ status: 'pending', heldReason: 'first_time' })
  })
})

describe('the rate limit on edits and deletes', () => {
  let ips = 0
  /** A client address of its own per test: the rate limiter's counts outlive a test. */
  const ip = () => `2001:db8:e::${Math.floor(Math.random() * 0xffff).toString(16)}:${(++ips).toString(16)}`

  it('answers the sixth edit of one comment within the period with a small 429 page that keeps the text', async () => {
    await inOneRateWindow(async (attempt) => {
      const base = origin()
      const slug = await seedPost(`edit-flood-${attempt}`)
      const { id, token } = await postWithEditLink(base, slug)
      // Sent without an address: only the limit per comment applies, whatever the IP.
      for (let n = 1; n <= 5; n++) {
        const res = await send(base, slug, id, 'edit', { t: token, body: `Edit number ${n}` })
        expect(res.status, `edit ${n}`).toBe(303)
      }
      const res = await postForm(`${base}/posts/${slug}/comments/${id}/edit`, { t: token, body: 'Edit number 6' }, { 'CF-Connecting-IP': ip() })
      expect(res.status).toBe(429)
      expect(res.headers.get('Retry-After')).toBe('60')
      expect(res.headers.get('Cache-Control')).toBe('no-store')
      const html = await res.text()
      expect(html).toContain('\nEdit number 6</textarea>')
      expect(html).toContain('You have sent several comments in a short time.')
      // Not the post page with its thread: the edit form alone.
      expect(html).not.toContain('id="comments-title"')
      expect((await getComment(env.DB, id))!.body).toBe('Edit number 5')
      const deleted = await send(base, slug, id, 'delete', { t: token })
      expect(deleted.status).toBe(429)
      expect(deleted.headers.get('Retry-After')).toBe('60')
      expect((await getComment(env.DB, id))!.status).toBe('approved')
    })
  })

  it('counts edits from an address with its comments, as for posting', async () => {
    await inOneRateWindow(async (attempt) => {
      const base = origin()
      const slug = await seedPost(`edit-flood-ip-${attempt}`)
      const address = { 'CF-Connecting-IP': ip() }
      const post = async (body: string) => {
        const res = await postForm(`${base}/posts/${slug}/comments`, comment({ body }), address)
        return { id: commentIdOf(res.headers.get('Location')), token: new URL(base + res.headers.get('Location')!).searchParams.get('edit')!.split('.').slice(1).join('.') }
      }
      const first = await post('First from here')
      const second = await post('Second from here')
      for (let n = 1; n <= 3; n++) {
        expect((await postForm(`${base}/posts/${slug}/comments/${first.id}/edit`, { t: first.token, body: `First, edit ${n}` }, address)).status).toBe(303)
      }
      const res = await postForm(`${base}/posts/${slug}/comments/${second.id}/edit`, { t: second.token, body: 'Second, edited' }, address)
      expect(res.status).toBe(429)
      expect(await res.text()).toContain('\nSecond, edited</textarea>')
    })
  })
})
