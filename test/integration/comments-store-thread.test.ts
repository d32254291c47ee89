import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { insertComment, listThread } from '../../src/comments/store'
import { buildThread } from '../../src/comments/tree'
import type { CommentRow } from '../../src/comments/types'
import { buildDiscussion, DISCUSSION } from '../fixtures/comments/discussion'
import { newComment } from '../fixtures/comments/new-comment'

/** Stores the fixture's rows as the write path would, mapping fixture ids to stored ids. */
async function storeDiscussion(slug: string): Promise<{ rows: CommentRow[]; stored: Map<number, number> }> {
  const { rows } = buildDiscussion(slug)
  const stored = new Map<number, number>()
  for (const { id, updatedAt, submitKey, ...row } of rows) {
    const parentId = row.parentId === null ? null : stored.get(row.parentId)!
    const { comment } = await insertComment(env.DB, { ...row, parentId })
    stored.set(id, comment.id)
  }
  return { rows, stored }
}

/** Counts the statements a function sends to D1, by wrapping the binding (not our code). */
function countingDb(db: D1Database): { db: D1Database; statements: () => number } {
  let statements = 0
  const counting = new Proxy(db, {
    get(target, key) {
      if (key === 'prepare') return (sql: string) => (statements++, target.prepare(sql))
      if (key === 'batch') return (list: D1PreparedStatement[]) => ((statements += list.length), target.batch(list))
      const value = Reflect.get(target, key)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
  return { db: counting, statements: () => statements }
}

describe('listThread', () => {
  it('returns the whole long discussion in one query, oldest first, with deleted rows', async () => {
    await storeDiscussion('long-one')
    const { db, statements } = countingDb(env.DB)
    const rows = await listThread(db, 'long-one')
    expect(statements()).toBe(1)
    expect(rows).toHaveLength(DISCUSSION.visible + DISCUSSION.deleted)
    expect(rows.every((row, i) => i === 0 || rows[i - 1]!.createdAt <= row.createdAt)).toBe(true)
  }, 30_000)

  it('builds into the same tree as the fixture rows', async () => {
    const { rows, stored } = await storeDiscussion('long-two')
    const fromD1 = buildThread(await listThread(env.DB, 'long-two'), { maxDepth: 5 })
    const fromFixture = buildThread(rows, { maxDepth: 5 })
    expect(fromD1.roots).toHaveLength(DISCUSSION.threads)
    expect(fromD1.count).toBe(DISCUSSION.visible)
    const shape = (nodes: typeof fromD1.roots, map: (id: number) => number): unknown[] =>
      nodes.map((node) => [map(node.id), node.author, node.body, node.deleted, shape(node.replies, map)])
    expect(shape(fromD1.roots, (id) => id)).toEqual(shape(fromFixture.roots, (id) => stored.get(id)!))
  }, 30_000)

  it('leaves out pending and spam comments and other posts', async () => {
    const shown = await insertComment(env.DB, newComment({ postSlug: 'mixed' }))
    await insertComment(env.DB, newComment({ postSlug: 'mixed', status: 'pending' }))
    await insertComment(env.DB, newComment({ postSlug: 'mixed', status: 'spam' }))
    await insertComment(env.DB, newComment({ postSlug: 'mixed-other' }))
    expect((await listThread(env.DB, 'mixed')).map((row) => row.id)).toEqual([shown.comment.id])
  })
})
