import type { CommentNode, CommentRow } from './types'

/** A post's public discussion. */
export interface Thread {
  /** Top-level comments, oldest first. */
  roots: CommentNode[]
  /** Visible comments (placeholders of deleted ones not counted). */
  count: number
}

interface Entry {
  node: CommentNode
  /** The entry of the comment this one answers. */
  parent: Entry | null
  /** The entry whose `replies` hold this node (differs from `parent` past the depth limit). */
  home: Entry | null
  /** The comment itself is visible, or at least one comment below it is. */
  visible: boolean
}

/**
 * Builds the public tree from a post's rows, sorted oldest first (as `listThread` returns them), in
 * one pass. Only `approved` and `deleted` rows are shown; a deleted comment stays as an empty
 * placeholder only when a visible reply hangs below it. A reply deeper than `maxDepth` (top level
 * is 1) is shown at that depth, in time order among the replies there, with `inReplyTo`. A reply
 * whose parent is absent (held or spam) is shown at the top level. The result does not depend on
 * the order of `rows`: a reply listed before its parent waits for it, and a row out of order is
 * inserted in its place, which only costs time when it happens.
 */
export function buildThread(rows: readonly CommentRow[], options: { maxDepth: number }): Thread {
  const tree = new TreeBuilder(Math.max(1, Math.floor(options.maxDepth)))
  for (const row of rows) {
    if (row.status !== 'approved' && row.status !== 'deleted') continue
    const parent = row.parentId === null ? null : tree.entries.get(row.parentId)
    if (parent === undefined) wait(tree.waiting, row)
    else tree.add(row, parent)
  }
  addOrphans(tree.waiting, (row) => tree.add(row, null))
  prune(tree.placeholders, tree.roots)
  return { roots: tree.roots, count: tree.count }
}

class TreeBuilder {
  readonly entries = new Map<number, Entry>()
  /** Rows whose parent has not been placed yet, by parent id. */
  readonly waiting = new Map<number, CommentRow[]>()
  readonly roots: CommentNode[] = []
  readonly placeholders: Entry[] = []
  count = 0
  private readonly maxDepth: number

  constructor(maxDepth: number) {
    this.maxDepth = maxDepth
  }

  /** Places a row, then the rows that were waiting for it, without recursion (chains can be long). */
  add(row: CommentRow, parent: Entry | null): void {
    const queue: Array<[CommentRow, Entry | null]> = [[row, parent]]
    for (let next = 0; next < queue.length; next++) {
      const entry = this.place(...queue[next]!)
      const children = this.waiting.get(entry.node.id)
      if (!children) continue
      this.waiting.delete(entry.node.id)
      for (const child of children) queue.push([child, entry])
    }
  }

  private place(row: CommentRow, parent: Entry | null): Entry {
    const deleted = row.status === 'deleted'
    const clamped = parent !== null && parent.node.depth >= this.maxDepth
    const home = clamped ? parent.home : parent
    const node: CommentNode = {
      id: row.id,
      parentId: row.parentId,
      author: deleted ? '' : row.authorName,
      isAuthor: row.isAuthor,
      createdAt: row.createdAt,
      body: deleted ? '' : row.body,
      html: deleted ? '' : row.bodyHtml,
      deleted,
      depth: home ? home.node.depth + 1 : 1,
      ...(clamped && { inReplyTo: { id: parent.node.id, author: parent.node.author } }),
      avatar: deleted ? null : (row.avatarKey ?? null),
      replies: [],
    }
    const entry: Entry = { node, parent, home, visible: !deleted }
    insertByAge(home ? home.node.replies : this.roots, node)
    this.entries.set(row.id, entry)
    if (deleted) this.placeholders.push(entry)
    else {
      this.count++
      // Ancestors of a visible entry are already marked, so the walk stops early: O(n) in all.
      for (let up = parent; up && !up.visible; up = up.parent) up.visible = true
    }
    return entry
  }
}

function wait(waiting: Map<number, CommentRow[]>, row: CommentRow): void {
  const list = waiting.get(row.parentId!)
  if (list) list.push(row)
  else waiting.set(row.parentId!, [row])
}

/** Rows whose parent never came are shown at the top level; their own waiting replies follow. */
function addOrphans(waiting: Map<number, CommentRow[]>, addRoot: (row: CommentRow) => void): void {
  const waitingIds = new Set<number>()
  for (const list of waiting.values()) for (const row of list) waitingIds.add(row.id)
  for (const [parentId, list] of [...waiting]) {
    if (waitingIds.has(parentId) || !waiting.has(parentId)) continue
    waiting.delete(parentId)
    for (const row of list) addRoot(row)
  }
}

/** Appends in the usual case (rows come oldest first); rows out of order are inserted in place. */
function insertByAge(list: CommentNode[], node: CommentNode): void {
  let at = list.length
  while (at > 0 && byAge(list[at - 1]!, node) > 0) at--
  list.splice(at, 0, node)
}

/** Removes placeholders with nothing visible below them, each container filtered once. */
function prune(placeholders: Entry[], roots: CommentNode[]): void {
  const dead = new Set<CommentNode>()
  const containers = new Set<CommentNode[]>()
  for (const entry of placeholders) {
    if (entry.visible) continue
    dead.add(entry.node)
    containers.add(entry.home ? entry.home.node.replies : roots)
  }
  for (const list of containers) {
    const kept = list.filter((node) => !dead.has(node))
    list.length = 0
    list.push(...kept)
  }
}

function byAge(a: CommentNode, b: CommentNode): number {
  return a.createdAt - b.createdAt || a.id - b.id
}

/** One page of top-level threads (pages count from 1); `threads` is empty past the last page. */
export function paginateThreads(
  roots: readonly CommentNode[],
  page: number,
  perPage: number,
): { threads: CommentNode[]; page: number; pageCount: number } {
  const size = Math.max(1, Math.floor(perPage))
  const pageCount = Math.max(1, Math.ceil(roots.length / size))
  const start = (Math.floor(page) - 1) * size
  const threads = start < 0 ? [] : roots.slice(start, start + size)
  return { threads, page, pageCount }
}

/**
 * Comment `id` in the trees under `roots` (placeholders included), or undefined. Walks with a
 * stack, not recursion: a reply chain can be deeper than the call stack.
 */
export function findComment(roots: readonly CommentNode[], id: number): CommentNode | undefined {
  const stack = [...roots]
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.id === id) return node
    stack.push(...node.replies)
  }
  return undefined
}

/** The page (from 1) whose threads hold comment `id`, or null when the tree does not show it. */
export function pageOfComment(roots: readonly CommentNode[], id: number, perPage: number): number | null {
  const size = Math.max(1, Math.floor(perPage))
  const index = roots.findIndex((root) => findComment([root], id) !== undefined)
  return index < 0 ? null : Math.floor(index / size) + 1
}
