import { describe, expect, it } from 'vitest'
import { buildThread, findComment, pageOfComment, paginateThreads } from '../../src/comments/tree'
import type { CommentNode, CommentRow } from '../../src/comments/types'
import { buildDiscussion, DISCUSSION, DISCUSSION_AUTHOR } from '../fixtures/comments/discussion'

const { rows, ids } = buildDiscussion()

function walk(nodes: CommentNode[], visit: (node: CommentNode, parent: CommentNode | null) => void, parent: CommentNode | null = null): void {
  for (const node of nodes) {
    visit(node, parent)
    walk(node.replies, visit, node)
  }
}

function find(roots: CommentNode[], id: number): CommentNode | undefined {
  let found: CommentNode | undefined
  walk(roots, (node) => {
    if (node.id === id) found = node
  })
  return found
}

function row(id: number, parentId: number | null, extra: Partial<CommentRow> = {}): CommentRow {
  return {
    id, postSlug: 'p', parentId, authorName: `name-${id}`, authorEmail: `e${id}@example.com`, body: `body ${id}`,
    bodyHtml: `<p>body ${id}</p>`, renderVersion: 1, status: 'approved', createdAt: id * 1000, updatedAt: id * 1000,
    ipHmac: 'secret-hmac', isAuthor: false, notify: null, submitKey: `k${id}`, ...extra,
  }
}

describe('buildThread on the long discussion', () => {
  const thread = buildThread(rows, { maxDepth: 5 })

  it('builds 58 top-level threads holding 95 visible comments', () => {
    expect(thread.roots).toHaveLength(DISCUSSION.threads)
    expect(thread.count).toBe(DISCUSSION.visible)
    let shown = 0
    walk(thread.roots, (node) => void (shown += node.deleted ? 0 : 1))
    expect(shown).toBe(DISCUSSION.visible)
  })

  it('orders every level oldest first', () => {
    const ordered = (nodes: CommentNode[]) => nodes.every((n, i) => i === 0 || nodes[i - 1]!.createdAt <= n.createdAt)
    expect(ordered(thread.roots)).toBe(true)
    walk(thread.roots, (node) => expect(ordered(node.replies)).toBe(true))
  })

  it('nests each reply under the comment it answers, four levels of replies deep', () => {
    walk(thread.roots, (node, parent) => {
      expect(node.parentId).toBe(parent?.id ?? null)
      expect(node.depth).toBe(parent ? parent.depth + 1 : 1)
      expect(node.inReplyTo).toBeUndefined()
    })
    const chain = ids.chain.map((id) => find(thread.roots, id)!)
    expect(chain.map((node) => node.depth)).toEqual([1, 2, 3, 4, 5])
    expect(chain[0]!.replies).toContain(chain[1])
    expect(chain[3]!.replies).toContain(chain[4])
  })

  it('shows the blog author replying under many threads', () => {
    const authorReplies: CommentNode[] = []
    walk(thread.roots, (node) => void (node.isAuthor && authorReplies.push(node)))
    expect(authorReplies.length).toBeGreaterThanOrEqual(10)
    expect(authorReplies.every((node) => node.author === DISCUSSION_AUTHOR && node.depth > 1)).toBe(true)
  })

  it('keeps a deleted comment with a visible reply as an empty placeholder', () => {
    const placeholder = find(thread.roots, ids.deletedWithReply)!
    expect(placeholder).toMatchObject({ deleted: true, author: '', body: '', html: '' })
    expect(placeholder.replies.map((node) => node.id)).toEqual([ids.replyToDeleted])
  })

  it('drops a deleted comment that has no visible reply', () => {
    expect(find(thread.roots, ids.deletedLeaf)).toBeUndefined()
  })

  it('carries no email, IP digest or submit key', () => {
    const json = JSON.stringify(thread)
    expect(json).not.toContain('@example.com')
    expect(json).not.toContain('abab')
    expect(json).not.toMatch(/authorEmail|ipHmac|submitKey/)
  })
})

describe('buildThread depth limit', () => {
  it('shows replies past maxDepth at the deepest level, after their siblings, marked in reply to', () => {
    const thread = buildThread(rows, { maxDepth: 3 })
    const [, second, third, fourth, fifth] = ids.chain.map((id) => find(thread.roots, id)!)
    expect([third!.depth, fourth!.depth, fifth!.depth]).toEqual([3, 3, 3])
    const positions = [third, fourth, fifth].map((node) => second!.replies.indexOf(node!))
    expect(positions.every((at, i) => at >= 0 && (i === 0 || at > positions[i - 1]!))).toBe(true)
    expect(fourth!.inReplyTo).toEqual({ id: third!.id, author: third!.author })
    expect(fifth!.inReplyTo).toEqual({ id: fourth!.id, author: DISCUSSION_AUTHOR })
    walk(thread.roots, (node) => expect(node.depth).toBeLessThanOrEqual(3))
    expect(thread.count).toBe(DISCUSSION.visible)
  })

  it('flattens everything to the top level when maxDepth is 1', () => {
    const thread = buildThread(rows, { maxDepth: 1 })
    expect(thread.roots).toHaveLength(DISCUSSION.visible + 1)
    expect(thread.roots.every((node) => node.replies.length === 0)).toBe(true)
    expect(thread.roots.filter((node) => node.parentId !== null).every((node) => node.inReplyTo)).toBe(true)
    expect(find(thread.roots, ids.replyToDeleted)!.inReplyTo).toEqual({ id: ids.deletedWithReply, author: '' })
  })
})

describe('buildThread edge cases', () => {
  it('ignores pending and spam rows and shows their approved replies at the top level', () => {
    const thread = buildThread(
      [row(1, null), row(2, null, { status: 'pending' }), row(3, null), row(4, 2), row(5, 1, { status: 'spam' })],
      { maxDepth: 5 },
    )
    expect(thread.roots.map((node) => node.id)).toEqual([1, 3, 4])
    expect(thread.roots[0]!.replies).toEqual([])
    expect(thread.count).toBe(3)
  })

  it('gives the same tree whatever the order of the rows', () => {
    const sorted = [row(1, null), row(2, 1), row(3, 2), row(4, 1), row(5, null), row(6, 3), row(7, 6), row(8, 4)]
    const expected = buildThread(sorted, { maxDepth: 3 })
    for (const order of [[...sorted].reverse(), [2, 0, 7, 3, 1, 6, 5, 4].map((i) => sorted[i]!)]) {
      expect(buildThread(order, { maxDepth: 3 })).toEqual(expected)
    }
  })

  it('keeps a chain of deleted comments only down to a visible reply', () => {
    const thread = buildThread(
      [row(1, null, { status: 'deleted' }), row(2, 1, { status: 'deleted' }), row(3, 2),
        row(4, null, { status: 'deleted' }), row(5, 4, { status: 'deleted' })],
      { maxDepth: 5 },
    )
    expect(thread.roots.map((node) => node.id)).toEqual([1])
    expect(thread.roots[0]!.replies[0]!.replies[0]!.id).toBe(3)
    expect(thread.count).toBe(1)
  })

  it('builds a 20,000-comment chain in either order without overflowing the stack', () => {
    const chain = Array.from({ length: 20_000 }, (_, i) => row(i + 1, i === 0 ? null : i))
    for (const list of [chain, [...chain].reverse()]) {
      const thread = buildThread(list, { maxDepth: 5 })
      expect(thread.count).toBe(20_000)
      expect(thread.roots[0]!.replies[0]!.replies[0]!.replies[0]!.replies).toHaveLength(19_996)
    }
  })
})

describe('paginateThreads, pageOfComment and findComment', () => {
  const { roots } = buildThread(rows, { maxDepth: 5 })

  it('pages top-level threads, 50 to a page', () => {
    const first = paginateThreads(roots, 1, 50)
    const second = paginateThreads(roots, 2, 50)
    expect([first.threads.length, second.threads.length, first.pageCount]).toEqual([50, 8, 2])
    expect(second.threads[0]).toBe(roots[50])
  })

  it('returns no threads outside the pages, and one page for an empty discussion', () => {
    expect(paginateThreads(roots, 3, 50).threads).toEqual([])
    expect(paginateThreads(roots, 0, 50).threads).toEqual([])
    expect(paginateThreads([], 1, 50)).toEqual({ threads: [], page: 1, pageCount: 1 })
  })

  it('finds the page of a nested reply by its top-level thread', () => {
    expect(pageOfComment(roots, ids.chain[4]!, 50)).toBe(1)
    const late = roots[55]!
    const nested = late.replies[0] ?? late
    expect(pageOfComment(roots, nested.id, 50)).toBe(2)
    expect(pageOfComment(roots, late.id, 10)).toBe(6)
  })

  it('answers null for a comment the thread does not show', () => {
    expect(pageOfComment(roots, ids.deletedLeaf, 50)).toBeNull()
    expect(pageOfComment(roots, 999_999, 50)).toBeNull()
  })

  it('finds a nested reply by id, and nothing for a comment the thread does not show', () => {
    expect(findComment(roots, ids.chain[4]!)?.id).toBe(ids.chain[4])
    expect(findComment(roots, ids.deletedLeaf)).toBeUndefined()
    expect(findComment([], 1)).toBeUndefined()
  })
})
