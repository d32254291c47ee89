import { describe, expect, it } from 'vitest'
import { buildThread } from '../../src/comments/tree'
import type { CommentRow } from '../../src/comments/types'
import { pageHost, postHost } from '../../src/content/discussion-host'
import { DEFAULT_SITE } from '../../src/content/site-defaults'
import type { Page, Post, SiteConfig } from '../../src/content/types'
import { pageBytes } from '../../src/views/page-shell'
import { discussionPageBytes, renderDiscussionPage } from '../../src/views/render'
import { pageWithDiscussionBytes, renderPageWithDiscussion } from '../../src/views/render-site'
import { shownThread } from '../../src/views/shown-thread'

/**
 * A page of a discussion joined to the shell kept for it (src/views/page-shell.ts) must be the
 * bytes of rendering the whole page, whatever the thread, and a shell must never be reused for
 * a page it was not rendered for.
 */

const site: SiteConfig = { ...DEFAULT_SITE, baseUrl: 'https://blog.example', comments: { ...DEFAULT_SITE.comments, threadsPerPage: 2 } }
const post: Post = {
  slug: 'a-post', title: 'A post', summary: 'What it says.', date: '2026-11-01T00:00:00.000Z', tags: ['one'], draft: false,
  comments: true, hash: 'h1', words: 10, readingMinutes: 1, html: '<p>The post’s own text, é and 🦉.</p>',
}
const utf8 = new TextEncoder()

function rows(count: number, body = (i: number) => `<p>Comment ${i} — «ça».</p>`, replies = true): CommentRow[] {
  return Array.from({ length: count }, (_, i) => ({
    id: i + 1, postSlug: post.slug, parentId: replies && i % 3 === 2 ? i : null, authorName: `Reader ${i}`, bodyHtml: body(i),
    status: i === 4 ? 'deleted' : 'approved', createdAt: Date.UTC(2026, 10, 1, 0, i), isAuthor: i === 1,
  }) as CommentRow)
}

function shown(count: number, page = 1, body?: (i: number) => string, replies = true) {
  return shownThread(site, postHost(post), buildThread(rows(count, body, replies), { maxDepth: site.comments.maxDepth }), page)!
}

describe('discussionPageBytes', () => {
  it('gives the bytes of the whole render, view after view, as the thread, its page and the post change', () => {
    const inputs = [
      { post, thread: shown(3), page: 1 },
      { post, thread: shown(3, 1, (i) => `<p>Edited ${i}.</p>`), page: 1 },
      { post, thread: shown(6), page: 1 },
      { post, thread: shown(6, 2), page: 2 },
      // The same count in more threads: more pages.
      { post, thread: shown(6, 1, undefined, false), page: 1 },
      { post, thread: shown(0), page: 1 },
      { post, thread: shown(3), page: 1, turnstileSiteKey: 'a-key' },
      { post: { ...post, html: '<p>Another text.</p>', hash: 'h2' }, thread: shown(3), page: 1 },
      { post: { ...post, comments: false }, thread: shown(3), page: 1 },
      { post, thread: shown(3), page: 1, around: { newer: { slug: 'next', title: 'Next' }, translations: [], waitsForSchedule: false } },
      { post, thread: shown(3), page: 1 },
    ]
    for (const input of [...inputs, ...inputs]) {
      const whole = renderDiscussionPage(site, input)!
      expect(new TextDecoder().decode(discussionPageBytes(site, input)!)).toBe(whole)
    }
  })

  it('renders whole what it must not keep: a page with the poster’s link, with the form filled, without a thread', () => {
    const thread = buildThread(rows(2), { maxDepth: site.comments.maxDepth })
    for (const input of [
      { post, thread, page: 1, edit: { id: 1, token: 't' } },
      { post, thread: shown(2), page: 1, form: { values: { author: 'Léa', email: '', body: 'Kept text', parentId: null, notify: '' as const } } },
      { post, thread: null, page: 1 },
    ]) {
      expect(discussionPageBytes(site, input)).toEqual(utf8.encode(renderDiscussionPage(site, input)!))
    }
  })

  it('does the same for a page that takes comments', () => {
    const page: Page = { slug: 'guest-book', title: 'Guest book', summary: '', draft: false, comments: true, hash: 'p1', html: '<p>Sign here.</p>' } as Page
    for (const count of [3, 4, 0, 3]) {
      const input = { post: pageHost(page), thread: shown(count), page: 1 }
      expect(new TextDecoder().decode(pageWithDiscussionBytes(site, page, input)!)).toBe(renderPageWithDiscussion(site, page, input))
    }
  })
})

describe('pageBytes', () => {
  const render = (parts: readonly string[]) => `<head>${held}</head><body>${parts[0]}</body>`
  let held = 'first'

  it('renders once per key and held strings, and joins the shell to each view’s part', () => {
    const scope = {}
    let renders = 0
    const counted = (parts: readonly string[]) => (renders++, render(parts))
    const decode = (bytes: Uint8Array | null) => new TextDecoder().decode(bytes!)
    expect(decode(pageBytes(scope, { key: 'k', held: [held], parts: ['<p>a</p>'] }, counted))).toBe('<head>first</head><body><p>a</p></body>')
    expect(decode(pageBytes(scope, { key: 'k', held: [held], parts: ['<p>b — ü</p>'] }, counted))).toBe('<head>first</head><body><p>b — ü</p></body>')
    expect(renders).toBe(1)
    held = 'second'
    expect(decode(pageBytes(scope, { key: 'k', held: [held], parts: ['<p>c</p>'] }, counted))).toBe('<head>second</head><body><p>c</p></body>')
    expect(renders).toBe(2)
  })

  it('renders whole every time when the page does not hold the marker once (escaped, dropped, or in its own text)', () => {
    const scope = {}
    const dropped = () => '<body>no part</body>'
    expect(new TextDecoder().decode(pageBytes(scope, { key: 'dropped', held: [], parts: ['<p>a</p>'] }, dropped)!)).toBe('<body>no part</body>')
    const twice = (parts: readonly string[]) => `${parts[0]}|${parts[0]}`
    expect(new TextDecoder().decode(pageBytes(scope, { key: 'twice', held: [], parts: ['x'] }, twice)!)).toBe('x|x')
    expect(new TextDecoder().decode(pageBytes(scope, { key: 'twice', held: [], parts: ['y'] }, twice)!)).toBe('y|y')
    expect(pageBytes(scope, { key: 'none', held: [], parts: ['x'] }, () => null)).toBeNull()
  })
})
