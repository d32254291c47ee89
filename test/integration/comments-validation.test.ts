import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { insertComment, setStatus } from '../../src/comments/store'
import { newComment } from '../fixtures/comments/new-comment'
import { comment, commentIdOf, get, origin, postForm, refusedFormOf, rowsOf, seedPost } from './comments-http'

/** Posts `fields` and expects the form alone back with 422, returning its page. */
async function refused(base: string, slug: string, fields: Record<string, string>, status = 422): Promise<string> {
  const res = await postForm(`${base}/posts/${slug}/comments`, fields)
  expect(res.status).toBe(status)
  expect(res.headers.get('Cache-Control')).toBe('no-store')
  return refusedFormOf(await res.text())
}

/** The message shown beside `field`, checked to be tied to it by aria-describedby. */
function fieldError(html: string, field: string): string | undefined {
  const message = new RegExp(`<p id="comment-${field}-error" class="field-error">([^<]*)</p>`).exec(html)?.[1]
  if (message !== undefined) {
    expect(html).toMatch(new RegExp(`<(input|textarea|select) id="comment-${field}"[^>]*aria-invalid="true" aria-describedby="comment-${field}-error`))
  }
  return message
}

describe('form validation', () => {
  const cases: Array<[string, Record<string, string>, string, RegExp]> = [
    ['an empty name', { author: '', body: 'Text' }, 'author', /Enter your name/],
    ['a blank name', { author: ' \u200b ', body: 'Text' }, 'author', /Enter your name/],
    ['a name over 100 characters', { author: 'n'.repeat(101), body: 'Text' }, 'author', /100 characters or fewer \(it has 101\)/],
    ['a name with a line break', { author: 'Two\nlines', body: 'Text' }, 'author', /line breaks/],
    ['an empty comment', { author: 'Léa', body: '' }, 'body', /Write your comment/],
    ['a comment over 10,000 characters', { author: 'Léa', body: 'x'.repeat(10_001) }, 'body', /10,000 characters or fewer/],
    ['a comment with terminal escapes', { author: 'Léa', body: 'a\u001b[31mred' }, 'body', /control characters/],
    ['a malformed email', { author: 'Léa', body: 'Text', email: 'not-an-email' }, 'email', /valid email address/],
    ['notifications without an email', { author: 'Léa', body: 'Text', email: '', notify: 'replies' }, 'email', /to be notified/],
    ['an unknown notification choice', { author: 'Léa', body: 'Text', notify: 'always' }, 'notify', /Choose &quot;replies&quot; or &quot;post&quot;/],
  ]
  for (const [what, fields, field, message] of cases) {
    it(`refuses ${what} with 422, the message beside the field, and the input kept`, async () => {
      const base = origin()
      const slug = await seedPost(`invalid-${field}-${what.length}`)
      const html = await refused(base, slug, { email: 'kept@example.com', ...fields })
      expect(fieldError(html, field)).toMatch(message)
      expect(html).toContain('<div class="form-errors" role="alert"><p>Your comment is not posted yet: Please correct the fields marked below.</p></div>')
      expect(html).toMatch(new RegExp(`id="comment-${field}"[^>]*autofocus=""`))
      if (field !== 'author') expect(html).toContain(`value="${fields.author}"`)
      if (field !== 'email') expect(html).toContain(`value="${fields.email ?? 'kept@example.com'}"`)
      if (field !== 'body' && fields.body) expect(html).toContain(`\n${fields.body}</textarea>`)
      expect(await rowsOf(slug)).toHaveLength(0)
    })
  }

  it('names every field at fault at once', async () => {
    const base = origin()
    const slug = await seedPost('all-wrong')
    const html = await refused(base, slug, { author: '', body: '', email: 'x@', notify: 'sometimes' })
    for (const field of ['author', 'email', 'body', 'notify']) expect(fieldError(html, field), field).toBeDefined()
  })

  it('keeps the text exactly, leading newline, markup and all', async () => {
    const base = origin()
    const slug = await seedPost('kept-text')
    const body = '\n<b>bold</b> & "quotes" \'single\'\n\n  indented'
    const html = await refused(base, slug, { author: '', body })
    expect(html).toContain('>\n\n&lt;b&gt;bold&lt;/b&gt; &amp; &quot;quotes&quot; &#39;single&#39;\n\n  indented</textarea>')
  })

  it('shows French messages on a French post', async () => {
    const base = origin()
    const slug = await seedPost('en-francais', { post: { lang: 'fr' } })
    const html = await refused(base, slug, { author: '', body: 'Texte' })
    expect(fieldError(html, 'author')).toMatch(/^Entrez votre nom/)
    expect(html).toContain('Corrigez les champs signalés ci-dessous.')
  })

  it('refuses the blog author’s name, and look-alikes of it, from readers', async () => {
    const base = origin()
    const slug = await seedPost('impostor')
    for (const author of ['Ana Autora', 'ana autora', 'Аna Autora', 'A n a  A u t o r a']) {
      const html = await refused(base, slug, comment({ author }))
      expect(fieldError(html, 'author'), author).toBe('This name is the blog author’s; choose another.')
    }
    expect(await rowsOf(slug)).toHaveLength(0)
  })

  it('answers 404 for a post that does not exist or is not public', async () => {
    const base = origin()
    await seedPost('public-one', { others: [{ slug: 'a-draft', title: 'Draft', draft: true }] })
    for (const slug of ['missing', 'a-draft']) {
      const res = await postForm(`${base}/posts/${slug}/comments`, comment())
      expect(res.status, slug).toBe(404)
    }
  })
})

describe('the comment answered', () => {
  it('must be a visible comment of the same post; else the form comes back as a new comment', async () => {
    const base = origin()
    const slug = await seedPost('parents', { others: [{ slug: 'other', title: 'Other' }] })
    const elsewhere = (await insertComment(env.DB, newComment({ postSlug: 'other' }))).comment.id
    const deleted = (await insertComment(env.DB, newComment({ postSlug: slug, status: 'deleted' }))).comment.id
    const held = (await insertComment(env.DB, newComment({ postSlug: slug, status: 'pending' }))).comment.id
    const spam = (await insertComment(env.DB, newComment({ postSlug: slug }))).comment.id
    await setStatus(env.DB, spam, 'spam')
    for (const parent of [elsewhere, deleted, held, spam, 987654, 'abc', '0']) {
      const html = await refused(base, slug, comment({ parent_id: String(parent), body: 'Still here' }))
      expect(html, String(parent)).toContain('The comment you were replying to is no longer available.')
      expect(html).not.toContain('name="parent_id"')
      expect(html).toContain('\nStill here</textarea>')
    }
    expect((await rowsOf(slug)).map((row) => row.status)).toEqual(['deleted', 'pending', 'spam'])
  })

  it('shows “replying to” with the kept input when another field is wrong', async () => {
    const base = origin()
    const slug = await seedPost('reply-kept')
    const res = await postForm(`${base}/posts/${slug}/comments`, comment({ author: 'Bruno' }))
    const parent = commentIdOf(res.headers.get('Location'))
    await postForm(`${base}/posts/${slug}/comments`, comment({ author: 'Sibling', body: 'Another thread' }))
    const html = await refused(base, slug, { author: '', body: 'My reply', parent_id: String(parent) })
    expect(html).toContain(`Replying to <a href="#comment-${parent}"><bdi>Bruno</bdi></a>`)
    expect(html).toContain(`<input type="hidden" name="parent_id" value="${parent}"/>`)
    // The comment answered is on the page, and nothing else of the thread.
    expect(html).toContain(`<div id="comment-${parent}" class="comment">`)
    expect(html).not.toContain('Another thread')
  })

  it('keeps a reply to a held comment without showing the held text', async () => {
    const base = origin()
    const slug = await seedPost('reply-held')
    const held = (await insertComment(env.DB, newComment({ postSlug: slug, status: 'pending', body: 'Not public yet' }))).comment.id
    const html = await refused(base, slug, { author: '', body: 'My reply', parent_id: String(held) })
    expect(html).toContain(`<input type="hidden" name="parent_id" value="${held}"/>`)
    expect(html).not.toContain('Not public yet')
  })
})

describe('anti-spam without a word', () => {
  it('drops a comment whose honeypot is filled, answering 303 as if it were taken', async () => {
    const base = origin()
    const slug = await seedPost('honeypot')
    const res = await postForm(`${base}/posts/${slug}/comments`, comment({ website: 'http://spam.example' }))
    expect(res.status).toBe(303)
    expect(res.headers.get('Location')).toBe('/posts/honeypot#comments')
    expect(await rowsOf(slug)).toHaveLength(0)
  })

  it('stores a double submit once and answers both the same way', async () => {
    const base = origin()
    const slug = await seedPost('double-submit')
    const fields = comment({ body: 'Clicked twice' })
    const [a, b] = await Promise.all([1, 2].map(() => postForm(`${base}/posts/${slug}/comments`, fields)))
    const again = await postForm(`${base}/posts/${slug}/comments`, fields)
    expect([a!.status, b!.status, again.status]).toEqual([303, 303, 303])
    expect(b!.headers.get('Location')).toBe(a!.headers.get('Location'))
    expect(again.headers.get('Location')).toBe(a!.headers.get('Location'))
    expect(await rowsOf(slug)).toHaveLength(1)
  })
})

describe('the page after a refusal', () => {
  it('never carries what was typed into the cached page', async () => {
    const base = origin()
    const slug = await seedPost('not-cached')
    await refused(base, slug, { author: '', body: 'secret draft text', email: 'private@example.com' })
    const html = await (await get(`${base}/posts/${slug}`)).text()
    expect(html).not.toContain('secret draft text')
    expect(html).not.toContain('private@example.com')
  })
})
