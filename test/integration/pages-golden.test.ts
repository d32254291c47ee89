import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env, exports } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { app } from '../../src/app'
import { insertComment } from '../../src/comments/store'
import { INDEX_KEY } from '../../src/content/keys'
import { samplePostMarkdown } from '../bench/sample-post'
import { buildDiscussion } from '../fixtures/comments/discussion'
import { seedContent, seedPages } from '../fixtures/content'
import everyForm from '../fixtures/content/posts/markdown-in-every-form.md?raw'

/**
 * The bytes of every page type that shows a post or its discussion, against files committed
 * beside this test: a change to how pages are put together (where the post's HTML is rendered,
 * how the discussion is assembled) must leave them as they are, or change them on purpose
 * (then `vitest -u` rewrites the files and the diff shows what changed). Everything is fixed:
 * posts, dates, comment rows and their HTML (not rendered by the comment renderer, so its own
 * changes do not show here).
 */

const origin = `https://pages-golden-${Date.now()}.test`
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

beforeAll(async () => {
  const media = { '/media/figure-1.png': { width: 800, height: 450 }, '/media/figure-2.png': { width: 640, height: 480 } }
  const index = await seedContent(
    env.CONTENT,
    [
      {
        slug: 'golden-long',
        title: 'A long post with a long discussion',
        date: '2026-03-01T08:00:00.000Z',
        tags: ['golden', 'Caching'],
        markdown: samplePostMarkdown(),
        hash: 'golden1',
      },
      {
        slug: 'golden-every-form',
        title: 'Markdown in every form',
        date: '2026-02-03T08:30:00.000Z',
        updated: '2026-02-10T17:00:00.000Z',
        tags: ['golden'],
        markdown: everyForm.replace(/^---\n[\s\S]*?\n---\n/, ''),
        hash: 'golden2',
      },
      {
        slug: 'golden-répondre',
        title: 'Répondre en français',
        date: '2026-01-20T10:00:00.000Z',
        lang: 'fr',
        tags: ['écriture'],
        markdown: '## Une section\n\nUn billet[^1] avec une note et un [lien](https://ailleurs.example/).\n\n[^1]: La note.',
        hash: 'golden3',
      },
      { slug: 'golden-draft', title: 'A draft', draft: true, markdown: '# Not yet\n\n![A figure](/media/figure-1.png)', hash: 'golden4' },
    ],
    { title: 'Golden Journal' },
    media,
  )
  const withPages = await seedPages(env.CONTENT, index, [
    { slug: 'about', title: 'About the journal', menu: 1, summary: 'Who writes it.', hash: 'goldenpage1', markdown: '## Who\n\nOne author, [an archive](/archive) and [tags](/tags).' },
  ])
  await env.CONTENT.put(INDEX_KEY, JSON.stringify({ ...withPages, version: 'golden' }))
  const stored = new Map<number, number>()
  for (const { id, updatedAt, submitKey, ...row } of buildDiscussion('golden-long').rows) {
    const parentId = row.parentId === null ? null : stored.get(row.parentId)!
    const bodyHtml = `<p>${escape(row.body)}</p>`
    const { comment } = await insertComment(env.DB, { ...row, parentId, bodyHtml })
    stored.set(id, comment.id)
  }
})

const PAGES: [name: string, path: string][] = [
  ['home', '/'],
  ['post-with-discussion', '/posts/golden-long'],
  ['post-discussion-page-2', '/posts/golden-long?page=2'],
  ['post-every-form', '/posts/golden-every-form'],
  ['post-french', `/posts/${encodeURIComponent('golden-répondre')}`],
  ['tag', '/tags/golden'],
  ['page', '/about'],
  ['archive', '/archive'],
  ['tags', '/tags'],
  ['atom', '/feed.xml'],
  ['rss', '/rss.xml'],
  ['sitemap', '/sitemap.xml'],
  ['comment-feed', '/posts/golden-long/comments.xml'],
  ['comment-api', '/api/posts/golden-long/comments'],
  ['not-found', '/posts/no-such-post'],
]

describe('every page type, byte for byte', () => {
  it.each(PAGES)('%s (%s) is what it was', async (name, path) => {
    const res = await exports.default.fetch(`${origin}${path}`)
    const ext = res.headers.get('Content-Type')?.includes('json') ? 'json' : path.endsWith('.xml') ? 'xml' : 'html'
    await expect(await res.text()).toMatchFileSnapshot(`./__golden__/${name}.${ext}`)
  })

  it('the preview of a draft is what it was', async () => {
    const ctx = createExecutionContext()
    const res = await app.fetch(new Request(`${origin}/posts/golden-draft`), { ...env, DRAFTS: 'preview' }, ctx)
    await waitOnExecutionContext(ctx)
    await expect(await res.text()).toMatchFileSnapshot('./__golden__/draft-preview.html')
  })
})
