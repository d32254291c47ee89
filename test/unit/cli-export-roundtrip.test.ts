import { describe, expect, it } from 'vitest'
import type { ExportComment } from '../../src/cli/export-d1'
import { buildExportJson } from '../../src/cli/export-json'
import { buildExportData } from '../../src/cli/export-model'
import { buildWxr } from '../../src/cli/export-wxr'
import type { ParsedPost } from '../../src/cli/parse-content'
import type { ParsedPage } from '../../src/cli/parse-pages'
import { DEFAULT_SITE } from '../../src/content/site-defaults'
import { planFixture } from '../fixtures/wordpress/plan'

/**
 * Palabre → WXR → Palabre: what `npm run export -- --format wxr` writes, read back by
 * `npm run import:wordpress`, gives the same posts, threads, statuses, ids and author badges.
 */

const site = { ...DEFAULT_SITE, title: 'Le blog', author: 'Ana Autora', timeZone: 'Europe/Paris', baseUrl: 'https://blog.example', language: 'en' }
const post = (slug: string, date: string): ParsedPost => ({
  file: `posts/${slug}.md`,
  meta: { slug, title: `Title of ${slug}`, date, tags: ['Été'], summary: 'Summary', draft: false, comments: true, words: 3, readingMinutes: 1 },
  markdown: `Body of ${slug}.`,
  images: [],
})
let ids = 0
const comment = (fields: Partial<ExportComment>): ExportComment => ({
  id: ++ids, postSlug: 'réussite', parentId: null, author: 'Léa', email: 'lea@example.com', isAuthor: false, status: 'approved',
  body: 'A *word*', html: '<p>A <em>word</em></p>\n', notify: null, createdAt: Date.parse('2026-07-01T10:00:00Z') + ids * 60_000, updatedAt: Date.parse('2026-07-01T10:00:00Z'), ...fields,
})

function exported(): { xml: string; comments: ExportComment[] } {
  ids = 100
  const top = comment({})
  const reply = comment({ parentId: top.id, author: 'Ana Autora', email: null, isAuthor: true, body: 'Thanks', html: '<p>Thanks</p>' })
  const deeper = comment({ parentId: reply.id, author: 'Marc', email: 'marc@example.com' })
  const deepest = comment({ parentId: deeper.id, author: 'Ana Autora', email: null, isAuthor: true, body: 'Indeed', html: '<p>Indeed</p>' })
  const pending = comment({ parentId: top.id, status: 'pending', author: 'Zoé' })
  const spam = comment({ status: 'spam', author: 'Spammer' })
  const deleted = comment({ status: 'deleted', author: 'Gone', body: '', html: '' })
  const other = comment({ postSlug: 'second-post', author: 'Léa' })
  const comments = [top, reply, deeper, deepest, pending, spam, deleted, other]
  const data = buildExportData({
    site,
    posts: [post('réussite', '2026-03-14T09:00:00.000Z'), post('second-post', '2026-04-01T09:00:00.000Z')],
    render: (p) => `<p>${p.markdown}</p>`,
    comments,
    subscriptions: [],
    wordpressIds: new Map(),
    now: new Date('2026-12-01T08:00:00Z'),
  })
  return { xml: buildWxr(data), comments }
}

describe('the round trip Palabre → WXR → Palabre', () => {
  it('gives back the same threads, statuses, ids and author badges', () => {
    const { xml, comments } = exported()
    const plan = planFixture({ xml, site: 'language: en\ntimeZone: Europe/Paris' })
    expect(plan.errors).toEqual([])
    const parentOf = (key: string | null) => (key === null ? null : Number(key.split(':').at(-1)))
    const back = plan.comments.map((c) => ({ id: c.id ?? c.wpId, postSlug: c.postSlug, parentId: parentOf(c.parentKey), status: c.status, isAuthor: c.isAuthor, author: c.authorName }))
    const sent = comments.map((c) => ({ id: c.id, postSlug: c.postSlug, parentId: c.parentId, status: c.status, isAuthor: c.isAuthor, author: c.author }))
    expect(back.sort((a, b) => a.id - b.id)).toEqual(sent)
  })

  it('gives back the posts at their slugs, with their titles and dates', () => {
    const plan = planFixture({ xml: exported().xml })
    const posts = plan.files.filter((f) => f.path.startsWith('posts/')).map((f) => f.path).sort()
    expect(posts).toEqual(['posts/réussite.md', 'posts/second-post.md'])
    const text = plan.files.find((f) => f.path === 'posts/réussite.md')!.text
    expect(text).toContain('title: Title of réussite')
    expect(text).toMatch(/date: 2026-03-14/)
  })

  it('gives back a page as a page, with its discussion under it, not under a stand-in post', () => {
    ids = 500
    const guestbook: ParsedPage = {
      file: 'pages/livre-d-or.md',
      meta: { slug: 'livre-d-or', title: 'Livre d’or', summary: 'Signez', draft: false, comments: true },
      markdown: 'Laissez un mot.',
      images: [],
    }
    const about: ParsedPage = { file: 'pages/about.md', meta: { slug: 'about', title: 'About', summary: 'Who', draft: false, comments: false, menu: 1 }, markdown: 'Me.', images: [] }
    const top = comment({ postSlug: 'livre-d-or' })
    const reply = comment({ postSlug: 'livre-d-or', parentId: top.id, author: 'Ana Autora', email: null, isAuthor: true, body: 'Merci', html: '<p>Merci</p>' })
    const data = buildExportData({
      site,
      posts: [post('réussite', '2026-03-14T09:00:00.000Z')],
      pages: [guestbook, about],
      render: (p) => `<p>${p.markdown}</p>`,
      comments: [top, reply],
      subscriptions: [],
      wordpressIds: new Map([['/livre-d-or', 42]]),
      now: new Date('2026-12-01T08:00:00Z'),
    })
    expect(data.posts.map((p) => [p.type, p.slug, p.inContent, p.url])).toEqual([
      ['post', 'réussite', true, 'https://blog.example/posts/r%C3%A9ussite'],
      ['page', 'about', true, 'https://blog.example/about'],
      ['page', 'livre-d-or', true, 'https://blog.example/livre-d-or'],
    ])
    expect(data.posts.find((p) => p.slug === 'livre-d-or')!.wordpressId).toBe(42)
    const json = JSON.parse(buildExportJson(data)) as { posts: { type: string; slug: string }[] }
    expect(json.posts.map((p) => `${p.type}:${p.slug}`)).toEqual(['post:réussite', 'page:about', 'page:livre-d-or'])
    const xml = buildWxr(data)
    expect(xml).toContain('<wp:post_type><![CDATA[page]]></wp:post_type>')
    const plan = planFixture({ xml, site: 'language: en\ntimeZone: Europe/Paris' })
    expect(plan.errors).toEqual([])
    const files = plan.files.map((f) => f.path).sort()
    expect(files).toContain('pages/livre-d-or.md')
    expect(files).toContain('pages/about.md')
    expect(files.filter((f) => f.startsWith('posts/'))).toEqual(['posts/réussite.md'])
    expect(plan.files.find((f) => f.path === 'pages/livre-d-or.md')!.text).toMatch(/^comments: true$/m)
    expect(plan.comments.map((c) => [c.id ?? c.wpId, c.postSlug, c.isAuthor])).toEqual([
      [top.id, 'livre-d-or', false],
      [reply.id, 'livre-d-or', true],
    ])
  })
})
