import { describe, expect, it } from 'vitest'
import { importKey } from '../../src/cli/import/comments'
import { resolveAgainstD1 } from '../../src/cli/import/d1-rows'
import { COMMENT_RENDER_VERSION, renderComment } from '../../src/markdown/comment'
import { legacyPathKey } from '../../src/redirects/legacy-path'
import { commentsFeedPath } from '../../src/urls/comment-paths'
import { BLOG_XML, NEWER_XML, planFixture } from '../fixtures/wordpress/plan'

const key = (id: number) => importKey('https://ancien-blog.example', id)
const byId = (plan = planFixture()) => new Map(plan.comments.map((c) => [c.wpId, c]))
const parentOf = (c: { parentKey: string | null }) => (c.parentKey === null ? null : Number(c.parentKey.split(':').at(-1)))

describe('comments of a real WordPress export', () => {
  it('keeps the threads exactly: every parent from comment_parent, parents stored before replies', () => {
    const plan = planFixture()
    const tour = plan.comments.filter((c) => c.postSlug === 'le-tour-du-lac')
    expect(Object.fromEntries(tour.map((c) => [c.wpId, parentOf(c)]))).toEqual({
      2: null, 3: 2, 4: 3, 5: 4, 6: 5, 7: null, 8: 7, 9: null, 11: null, 12: null,
    })
    const order = plan.comments.map((c) => c.wpId)
    for (const c of plan.comments) if (c.parentKey) expect(order.indexOf(parentOf(c)!)).toBeLessThan(order.indexOf(c.wpId))
    expect(plan.comments.filter((c) => c.postSlug === 'café-crème').map((c) => [c.wpId, parentOf(c)])).toEqual([[14, null], [15, 14]])
  })

  it('marks the author by user id and by email, in a thread four levels deep', () => {
    const c = byId()
    expect([...c.values()].filter((x) => x.isAuthor).map((x) => x.wpId).sort((a, b) => a - b)).toEqual([3, 5, 8, 15])
    // 2 (Léa) ← 3 (author) ← 4 (Léa) ← 5 (author) ← 6 (Marc): the author answers at depths 2 and 4.
    expect([3, 4, 5, 6].map((id) => parentOf(c.get(id)!))).toEqual([2, 3, 4, 5])
    expect(c.get(15)!.authorEmail).toBe('CAMILLE@ancien-blog.example')
  })

  it('maps every status, skips the pingback, and finds no spam (WordPress never exports it)', () => {
    const plan = planFixture()
    const c = byId(plan)
    expect(c.get(9)!.status).toBe('pending')
    expect(c.get(11)!.status).toBe('deleted')
    expect([2, 3, 4, 5, 6, 7, 8, 12, 14, 15].every((id) => c.get(id)!.status === 'approved')).toBe(true)
    expect(c.has(10)).toBe(false)
    expect(BLOG_XML).not.toContain('spam@spam.example')
    expect(plan.skipped.pingbacks).toBe(1)
    expect(c.has(13)).toBe(false)
    const spam = planFixture({ xml: BLOG_XML.replace('<wp:comment_approved><![CDATA[trash]]>', '<wp:comment_approved><![CDATA[spam]]>') })
    expect(byId(spam).get(11)!.status).toBe('spam')
  })

  it('keeps WordPress ids, names, emails and GMT dates; drops website URLs and IPs', () => {
    const plan = planFixture()
    const lea = byId(plan).get(2)!
    expect(lea).toMatchObject({ id: 2, authorName: 'Léa', authorEmail: 'lea@example.org', createdAt: Date.UTC(2016, 2, 14, 9, 0), importKey: key(2) })
    expect(plan.droppedUrls).toBe(2)
    expect(JSON.stringify(plan.comments)).not.toContain('192.0.2.10')
  })

  it('converts comment HTML to the comment subset and renders it with the comment renderer', () => {
    const c = byId()
    expect(c.get(3)!.body).toBe('Merci Léa, *quelle* saison ?')
    expect(c.get(4)!.body).toBe('> quelle saison ?\n\nEn **octobre**, avec du brouillard.')
    expect(c.get(5)!.body).toContain('[ces photos](https://example.org/brume)')
    for (const row of c.values()) {
      expect(row.bodyHtml).toBe(renderComment(row.body))
      expect(row.renderVersion).toBe(COMMENT_RENDER_VERSION)
    }
    const attack = c.get(12)!.bodyHtml
    expect(attack).not.toMatch(/<script|onerror|javascript:/i)
    expect(attack).toContain('clic texte')
  })
})

describe('comments against what D1 holds', () => {
  it('adds nothing when the same export is imported again', () => {
    const plan = planFixture()
    const again = resolveAgainstD1(plan, { comments: plan.comments.map((c) => ({ id: c.wpId, submit_key: c.importKey })), maxId: 17, redirects: plan.redirects.map((r) => ({ from_path: r.from, to_path: r.to, source: 'wordpress' })) })
    expect(again.comments).toEqual([])
    expect(again.redirects).toEqual([])
    expect(again.commentsAlready).toBe(plan.comments.length)
  })

  it('adds only what a newer export brings', () => {
    const first = planFixture()
    const state = { comments: first.comments.map((c) => ({ id: c.wpId, submit_key: c.importKey })), maxId: 15, redirects: first.redirects.map((r) => ({ from_path: r.from, to_path: r.to, source: 'wordpress' })) }
    const newer = resolveAgainstD1(planFixture({ xml: NEWER_XML }), state)
    expect(newer.comments.map((c) => [c.wpId, c.postSlug, parentOf(c)])).toEqual([[16, 'le-tour-du-lac', 7], [17, 'retour-au-lac', null]])
  })

  it('gives a new id to a comment whose id another comment holds, and says which', () => {
    const plan = resolveAgainstD1(planFixture(), { comments: [{ id: 2, submit_key: 'someone-else' }], maxId: 40, redirects: [] })
    const lea = plan.comments.find((c) => c.wpId === 2)!
    // Above D1's highest id and the export's: never an id a later comment of the import keeps.
    expect(lea.id).toBe(41)
    expect(plan.takenIds).toEqual([2])
    expect(plan.comments.find((c) => c.wpId === 3)!.parentKey).toBe(key(2))
    expect(plan.warnings.join('\n')).toMatch(/1 WordPress comment ids are held by other comments here \(2\): those comments get new ids from 41 on/)
  })
})

/**
 * The fixture's pages have no comments (WordPress closes pages' discussions by default): here its
 * Contact page is given a thread of two, cut from the export's first comment, with its
 * discussion `open` or left `closed`.
 */
function withPageThread(status: 'open' | 'closed'): string {
  const itemStart = BLOG_XML.lastIndexOf('<item>', BLOG_XML.indexOf('<wp:post_name><![CDATA[contact]]>'))
  const itemEnd = BLOG_XML.indexOf('</item>', itemStart)
  const first = /<wp:comment>[\s\S]*?<\/wp:comment>/.exec(BLOG_XML)![0]
  const comment = (id: number, parent: number, text: string) =>
    first
      .replace(/<wp:comment_id>\d+</, `<wp:comment_id>${id}<`)
      .replace(/<wp:comment_parent>\d+</, `<wp:comment_parent>${parent}<`)
      .replace(/<wp:comment_content><!\[CDATA\[[\s\S]*?\]\]>/, `<wp:comment_content><![CDATA[${text}]]>`)
  const item = BLOG_XML.slice(itemStart, itemEnd)
    .replace('<wp:comment_status><![CDATA[closed]]>', `<wp:comment_status><![CDATA[${status}]]>`)
    .concat(comment(901, 0, 'How do I reach you?'), comment(902, 901, 'By the form, as you did.'))
  return BLOG_XML.slice(0, itemStart) + item + BLOG_XML.slice(itemEnd)
}

describe('comments on a WordPress page', () => {
  it('imports the thread of a page whose discussion is open, under the page, which takes comments', () => {
    const plan = planFixture({ xml: withPageThread('open') })
    const page = plan.comments.filter((c) => c.postSlug === 'contact')
    expect(page.map((c) => [c.wpId, parentOf(c)])).toEqual([[901, null], [902, 901]])
    expect(plan.files.find((f) => f.path === 'pages/contact.md')!.text).toMatch(/^comments: true$/m)
    expect(plan.warnings.join('\n')).not.toContain('page "Contact"')
    // Its old comment feed leads to its feed here, as a post's does.
    expect(plan.redirects.find((r) => r.from === legacyPathKey('/a-propos/contact/feed/'))?.to).toBe(commentsFeedPath({ path: '/contact' }))
  })

  it('keeps the comments of a page closed in WordPress, opening its discussion, and says so', () => {
    const plan = planFixture({ xml: withPageThread('closed') })
    expect(plan.comments.filter((c) => c.postSlug === 'contact')).toHaveLength(2)
    expect(plan.files.find((f) => f.path === 'pages/contact.md')!.text).toMatch(/^comments: true$/m)
    expect(plan.warnings).toContain('page "Contact" had its comments closed in WordPress: imported with comments: true, since a page shows its thread only with its form; set comments: false to hide both')
  })

  it('leaves a page without comments as a page that takes none', () => {
    const plan = planFixture()
    expect(plan.files.find((f) => f.path === 'pages/contact.md')!.text).not.toMatch(/^comments:/m)
    // No feed here to lead its old one to: that address stays a 404.
    expect(plan.redirects.some((r) => r.from === legacyPathKey('/a-propos/contact/feed/'))).toBe(false)
  })
})

describe('a page and a post with one slug', () => {
  it('imports the page under another slug, since a thread is keyed by its post’s or page’s slug', () => {
    const xml = BLOG_XML.replace('<wp:post_name><![CDATA[contact]]>', '<wp:post_name><![CDATA[le-tour-du-lac]]>')
    const plan = planFixture({ xml })
    const page = plan.files.find((f) => f.path.startsWith('pages/le-tour-du-lac'))!
    expect(page.path).toMatch(/^pages\/le-tour-du-lac-\d+\.md$/)
    expect(plan.files.some((f) => f.path === 'posts/le-tour-du-lac.md')).toBe(true)
    expect(plan.warnings.some((w) => w.includes('the slug le-tour-du-lac is used by another post or page'))).toBe(true)
    expect(plan.errors).toEqual([])
  })
})
