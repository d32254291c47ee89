import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { ancestorChainSql, commentStatusSql, getCommentsByIds, insertComment } from '../../src/comments/store'
import { newComment } from '../fixtures/comments/new-comment'

describe('getCommentsByIds', () => {
  it('returns the rows that exist, by id, whatever the ids asked', async () => {
    const { comment: a } = await insertComment(env.DB, newComment({ postSlug: 'refs-by-ids' }))
    const { comment: b } = await insertComment(env.DB, newComment({ postSlug: 'refs-by-ids', status: 'pending' }))
    const found = await getCommentsByIds(env.DB, [b.id, a.id, b.id, 999_999])
    expect([...found.keys()].sort((x, y) => x - y)).toEqual([a.id, b.id])
    expect(found.get(b.id)).toEqual(b)
    expect(await getCommentsByIds(env.DB, [])).toEqual(new Map())
  })
})

describe('the SQL the comments store lends other tables', () => {
  it('commentStatusSql selects one row by id, none for an unknown id', async () => {
    const { comment } = await insertComment(env.DB, newComment({ postSlug: 'refs-status', status: 'pending' }))
    for (const [id, expected] of [[comment.id, [{ id: comment.id, status: 'pending' }]], [999_999, []]] as const) {
      const ref = commentStatusSql({ id }, 1)
      const { results } = await env.DB.prepare(`SELECT id, status FROM ${ref.sql}`).bind(...ref.binds).all()
      expect(results).toEqual(expected)
    }
  })

  it('ancestorChainSql walks from a reply up to its thread, the parent first', async () => {
    const { comment: root } = await insertComment(env.DB, newComment({ postSlug: 'refs-chain' }))
    const { comment: mid } = await insertComment(env.DB, newComment({ postSlug: 'refs-chain', parentId: root.id }))
    const { comment: leaf } = await insertComment(env.DB, newComment({ postSlug: 'refs-chain', parentId: mid.id }))
    const { results } = await env.DB.prepare(`${ancestorChainSql(1)} SELECT id FROM chain ORDER BY depth`).bind(leaf.id).all<{ id: number }>()
    expect(results.map((r) => r.id)).toEqual([leaf.id, mid.id, root.id])
  })
})
