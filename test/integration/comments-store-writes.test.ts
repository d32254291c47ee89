import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import {
  countApproved, getComment, insertComment, isTrustedCommenter, listByStatus, listRecent, rerenderStale, setStatus,
  updateBody,
} from '../../src/comments/store'
import { DUPLICATE_WINDOW_MS } from '../../src/comments/submit-key'
import { COMMENT_RENDER_VERSION, renderComment } from '../../src/markdown/comment'
import { newComment } from '../fixtures/comments/new-comment'

const db = env.DB
const count = async (slug: string) =>
  (await db.prepare('SELECT COUNT(*) AS n FROM comments WHERE post_slug = ?1').bind(slug).first<{ n: number }>())!.n

describe('insertComment', () => {
  it('stores every field and returns the stored row', async () => {
    const input = newComment({ postSlug: 'insert', notify: 'post', isAuthor: true, authorEmail: null })
    const { comment, created } = await insertComment(db, input)
    expect(created).toBe(true)
    expect(comment).toMatchObject({ ...input, updatedAt: input.createdAt })
    expect(comment.submitKey).toMatch(/^[0-9a-f]{64}$/)
    expect(await getComment(db, comment.id)).toEqual(comment)
  })

  it('stores a double submit once and answers with the first comment', async () => {
    const first = newComment({ postSlug: 'double' })
    const a = await insertComment(db, first)
    const b = await insertComment(db, { ...first, createdAt: first.createdAt + 2_000, authorEmail: 'LEA@example.com' })
    expect([a.created, b.created]).toEqual([true, false])
    expect(b.comment).toEqual(a.comment)
    expect(await count('double')).toBe(1)
  })

  it('stores the same name and body from another submitter as a comment of their own', async () => {
    const first = newComment({ postSlug: 'other-submitter' })
    const a = await insertComment(db, first)
    const others = [{ ipHmac: 'e'.repeat(64) }, { ipHmac: null }, { authorEmail: null }, { authorEmail: 'eve@example.com' }]
    for (const other of others) {
      const b = await insertComment(db, { ...first, ...other, createdAt: first.createdAt + 2_000 })
      expect(b.created, JSON.stringify(other)).toBe(true)
      expect(b.comment.id).not.toBe(a.comment.id)
    }
    expect(await count('other-submitter')).toBe(5)
  })

  it('catches a double submit that straddles a time bucket boundary', async () => {
    const boundary = Math.ceil(Date.UTC(2026, 10, 2) / DUPLICATE_WINDOW_MS) * DUPLICATE_WINDOW_MS
    const first = newComment({ postSlug: 'straddle', createdAt: boundary - 1_000 })
    const a = await insertComment(db, first)
    const b = await insertComment(db, { ...first, createdAt: boundary + 1_000 })
    expect(b).toEqual({ comment: a.comment, created: false })
    expect(await count('straddle')).toBe(1)
  })

  it('stores the same text again after the window, or under another parent', async () => {
    const first = newComment({ postSlug: 'again' })
    const a = await insertComment(db, first)
    const later = await insertComment(db, { ...first, createdAt: first.createdAt + 2 * DUPLICATE_WINDOW_MS })
    const reply = await insertComment(db, { ...first, parentId: a.comment.id })
    expect([later.created, reply.created]).toEqual([true, true])
    expect(await count('again')).toBe(3)
  })

  it('refuses a parent that does not exist and an unknown status, storing nothing', async () => {
    await expect(insertComment(db, newComment({ postSlug: 'bad', parentId: 987_654 }))).rejects.toThrow(/FOREIGN KEY/)
    await expect(insertComment(db, newComment({ postSlug: 'bad', status: 'live' as 'approved' }))).rejects.toThrow(/CHECK/)
    expect(await count('bad')).toBe(0)
  })
})

describe('moderation', () => {
  it('sets the status of one or many comments and returns their rows', async () => {
    const ids = []
    for (let i = 0; i < 3; i++) ids.push((await insertComment(db, newComment({ postSlug: 'mod', status: 'pending' }))).comment.id)
    const one = await setStatus(db, ids[0]!, 'approved', 1_000)
    expect(one.map((row) => [row.id, row.status, row.updatedAt])).toEqual([[ids[0], 'approved', 1_000]])
    const many = await setStatus(db, ids, 'spam', 2_000)
    expect(many.map((row) => row.status)).toEqual(['spam', 'spam', 'spam'])
    const again = await setStatus(db, ids[1]!, 'spam', 3_000)
    expect(again[0]!.updatedAt).toBe(2_000)
    expect(await setStatus(db, [], 'approved')).toEqual([])
  })

  it('sets the status of more comments than D1 has bound parameters', async () => {
    const ids = []
    for (let i = 0; i < 120; i++) ids.push((await insertComment(db, newComment({ postSlug: 'bulk', status: 'pending' }))).comment.id)
    expect(await setStatus(db, ids, 'approved')).toHaveLength(120)
  }, 30_000)

  it('lists by status and recent comments, newest first, up to a limit', async () => {
    const made = []
    for (let i = 0; i < 3; i++) made.push((await insertComment(db, newComment({ postSlug: 'queue', status: 'pending' }))).comment)
    const pending = await listByStatus(db, 'pending', 2)
    expect(pending.map((row) => row.id)).toEqual([made[2]!.id, made[1]!.id])
    const recent = await listRecent(db, 1)
    expect(recent[0]!.createdAt).toBe(Math.max(...(await listRecent(db, 1000)).map((row) => row.createdAt)))
  })
})

describe('countApproved', () => {
  it('counts approved comments for 250 posts in one query, 0 for posts without', async () => {
    const slugs = Array.from({ length: 250 }, (_, i) => `count-${i}`)
    await insertComment(db, newComment({ postSlug: 'count-7' }))
    await insertComment(db, newComment({ postSlug: 'count-7' }))
    await insertComment(db, newComment({ postSlug: 'count-7', status: 'pending' }))
    await insertComment(db, newComment({ postSlug: 'count-249' }))
    const counts = await countApproved(db, slugs)
    expect(counts.size).toBe(250)
    expect([counts.get('count-7'), counts.get('count-249'), counts.get('count-0')]).toEqual([2, 1, 0])
    expect(await countApproved(db, [])).toEqual(new Map())
  })
})

describe('isTrustedCommenter', () => {
  it('trusts a name and email once an earlier comment with both was approved', async () => {
    const who = { authorName: 'Kwame', authorEmail: 'kwame@example.com' }
    const { comment } = await insertComment(db, newComment({ postSlug: 'trust', status: 'pending', ...who }))
    expect(await isTrustedCommenter(db, 'Kwame', 'kwame@example.com')).toBe(false)
    await setStatus(db, comment.id, 'approved')
    expect(await isTrustedCommenter(db, 'Kwame', 'kwame@example.com')).toBe(true)
    expect(await isTrustedCommenter(db, 'Kwame', 'KWAME@Example.com')).toBe(true)
    expect(await isTrustedCommenter(db, 'Kwame A.', 'kwame@example.com')).toBe(false)
    expect(await isTrustedCommenter(db, 'Kwame', 'other@example.com')).toBe(false)
    expect(await isTrustedCommenter(db, 'Kwame', null)).toBe(false)
  })
})

describe('updateBody and rerenderStale', () => {
  it('replaces the text and its HTML', async () => {
    const { comment } = await insertComment(db, newComment({ postSlug: 'edit' }))
    const edited = await updateBody(db, comment.id, { body: 'Now *edited*.', html: renderComment('Now *edited*.'), version: COMMENT_RENDER_VERSION }, comment.createdAt + 5)
    expect(edited).toMatchObject({ body: 'Now *edited*.', bodyHtml: '<p>Now <em>edited</em>.</p>\n', updatedAt: comment.createdAt + 5, status: 'approved' })
    expect(await updateBody(db, 999_999, { body: 'x', html: 'x', version: COMMENT_RENDER_VERSION })).toBeNull()
  })

  it('sends the comment back to the queue with its reason in the same write, unless the admin marked it meanwhile', async () => {
    const back = { status: 'pending', heldReason: 'edit_added_link' } as const
    const { comment } = await insertComment(db, newComment({ postSlug: 'edit-held' }))
    const edited = await updateBody(db, comment.id, { body: 'x', html: 'x', version: COMMENT_RENDER_VERSION, moderation: back })
    expect(edited).toMatchObject({ status: 'pending', heldReason: 'edit_added_link' })
    const [approved] = await setStatus(db, comment.id, 'approved')
    expect(approved).toMatchObject({ status: 'approved', heldReason: null })
    const { comment: spam } = await insertComment(db, newComment({ postSlug: 'edit-held', status: 'spam' }))
    expect(await updateBody(db, spam.id, { body: 'y', html: 'y', version: COMMENT_RENDER_VERSION, moderation: back })).toMatchObject({ status: 'spam', heldReason: null })
  })

  it('stores the held reason of a held comment only', async () => {
    const held = await insertComment(db, newComment({ postSlug: 'reason', status: 'pending', heldReason: 'first_time' }))
    const shown = await insertComment(db, newComment({ postSlug: 'reason', status: 'approved', heldReason: 'first_time' }))
    expect(held.comment.heldReason).toBe('first_time')
    expect(shown.comment.heldReason).toBeNull()
  })

  it('re-renders comments from an older renderer, in batches, until none is left', async () => {
    for (let i = 0; i < 5; i++) {
      await insertComment(db, newComment({ postSlug: 'stale', body: `**old** ${i}`, bodyHtml: 'stale', renderVersion: 0 }))
    }
    expect(await rerenderStale(db, COMMENT_RENDER_VERSION, renderComment, 3)).toBe(3)
    expect(await rerenderStale(db, COMMENT_RENDER_VERSION, renderComment, 3)).toBe(2)
    expect(await rerenderStale(db, COMMENT_RENDER_VERSION, renderComment, 3)).toBe(0)
    const { results } = await db.prepare("SELECT body_html, render_version FROM comments WHERE post_slug = 'stale'").all()
    expect(results.every((r) => r.render_version === COMMENT_RENDER_VERSION && String(r.body_html).startsWith('<p><strong>old</strong>'))).toBe(true)
  })
})
