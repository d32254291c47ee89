import { parseXml } from '@rgrove/parse-xml'
import { parseAtomFeed } from 'feedsmith'
import { XMLParser } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { SITE_COMMENT_FEED_SIZE } from '../../src/comments/site-feed'
import { adminApi } from '../fixtures/admin'
import { get, origin, postJson, seedPost, yesterday } from './comments-http'

/** `/comments.xml`: the latest public comments across posts, as Atom; cached, purged with them. */

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, isArray: (n) => ['entry', 'link'].includes(n) })
/** Strictly parsed (a forbidden character or bad entity throws), read by a feed parser nobody here wrote, then as objects. */
function parse(xml: string) {
  parseXml(xml)
  parseAtomFeed(xml)
  return parser.parse(xml).feed
}

async function comment(base: string, slug: string, fields: Record<string, unknown>): Promise<{ id: number; status: string }> {
  const res = await postJson(`${base}/api/posts/${slug}/comments`, { author: 'Léa', ...fields })
  expect(res.status).toBe(201)
  return (await res.json<{ comment: { id: number; status: string } }>()).comment
}

const seed = (slug: string) =>
  seedPost(slug, {
    comments: { maxLinks: 0 },
    others: [
      { slug: `${slug}-fr`, title: 'Un « billet » & co', date: yesterday(), lang: 'fr' },
      { slug: `${slug}-draft`, title: 'Draft', date: yesterday(), draft: true },
    ],
  })

describe('GET /comments.xml', () => {
  it('is valid Atom of the public comments across posts, newest first, with no email and nothing pending', async () => {
    const base = origin('site-feed')
    const slug = await seed('site-feed')
    const first = await comment(base, slug, { body: 'First <b>one</b> & more', email: 'first@example.org' })
    const held = await comment(base, slug, { body: 'Held: https://spam.example', email: 'held@example.org' })
    expect(held.status).toBe('pending')
    const reply = await comment(base, `${slug}-fr`, { body: 'Une réponse 😀', email: 'second@example.org' })
    const answer = await comment(base, `${slug}-fr`, { body: 'Answer', parentId: reply.id })
    const res = await get(`${base}/comments.xml`)
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe('application/atom+xml; charset=utf-8')
    const xml = await res.text()
    const feed = parse(xml)
    expect(feed.id).toBe('https://blog.example/comments.xml')
    expect(feed.link[0]).toMatchObject({ '@rel': 'self', '@href': 'https://blog.example/comments.xml' })
    expect(feed.entry.map((e: { id: string }) => e.id)).toEqual([answer.id, reply.id, first.id].map((id, i) =>
      `https://blog.example/posts/${i < 2 ? `${slug}-fr` : slug}/comments/${id}`))
    expect(feed.entry[1].title).toBe('Léa on “Un « billet » & co”')
    expect(feed.entry[1]['@xml:lang']).toBe('fr')
    expect(feed.entry[0]['thr:in-reply-to']['@ref']).toBe(`https://blog.example/posts/${slug}-fr/comments/${reply.id}`)
    expect(feed.entry[2].content['#text']).toBe('<p>First &lt;b&gt;one&lt;/b&gt; &amp; more</p>')
    expect(xml).not.toContain('@example.org')
    expect(xml).not.toContain('Held')
  })

  it('leaves out comments on posts that are not public', async () => {
    const base = origin('site-feed')
    const slug = await seed('site-feed-hidden')
    await comment(base, slug, { body: 'Visible' })
    // The post is unpublished (turned into a draft) after it was commented.
    await seedPost(slug, { post: { draft: true }, others: [{ slug: 'elsewhere', title: 'Elsewhere', date: yesterday() }] })
    const feed = parse(await (await get(`${base}/comments.xml`)).text())
    expect(feed.entry ?? []).toEqual([])
  })

  it('holds the latest comments only', async () => {
    const base = origin('site-feed')
    const slug = await seed('site-feed-size')
    for (let i = 0; i <= SITE_COMMENT_FEED_SIZE; i++) await comment(base, slug, { body: `Comment ${i}`, author: `Reader ${i}` })
    const feed = parse(await (await get(`${base}/comments.xml`)).text())
    expect(feed.entry).toHaveLength(SITE_COMMENT_FEED_SIZE)
    expect(feed.entry[0].content['#text']).toBe(`<p>Comment ${SITE_COMMENT_FEED_SIZE}</p>`)
  })

  it('is cached, and purged when a comment becomes public, is edited away or deleted', async () => {
    const base = origin('site-feed')
    const slug = await seed('site-feed-cache')
    await comment(base, slug, { body: 'Before' })
    expect((await get(`${base}/comments.xml`)).headers.get('X-Cache')).toBe('MISS')
    expect((await get(`${base}/comments.xml`)).headers.get('X-Cache')).toBe('HIT')
    const held = await comment(base, slug, { body: 'Approved later https://x.example' })
    // A held comment changes nothing public: the cached copy stays.
    expect((await get(`${base}/comments.xml`)).headers.get('X-Cache')).toBe('HIT')
    const approve = await adminApi(`${base}/api/admin/comments/${held.id}`, { method: 'PATCH', body: { status: 'approved' } })
    expect(approve.status).toBe(200)
    const after = await get(`${base}/comments.xml`)
    expect(after.headers.get('X-Cache')).toBe('MISS')
    expect(await after.text()).toContain('Approved later')
    await adminApi(`${base}/api/admin/comments/${held.id}`, { method: 'PATCH', body: { status: 'deleted' } })
    const gone = await get(`${base}/comments.xml`)
    expect(gone.headers.get('X-Cache')).toBe('MISS')
    expect(await gone.text()).not.toContain('Approved later')
  })

  it('is announced by the home page, after the site feeds', async () => {
    const base = origin('site-feed')
    await seed('site-feed-home')
    const home = await (await get(`${base}/`)).text()
    const links = [...home.matchAll(/<link rel="alternate" type="application\/atom\+xml" href="([^"]+)"/g)].map((m) => m[1])
    expect(links).toEqual(['/feed.xml', '/comments.xml'])
  })
})
