import type { CommentRow } from '../../src/comments/types'
import { COMMENT_RENDER_VERSION, renderComment } from '../../src/markdown/comment'
import { commentBodies, seededRandom } from '../fixtures/comments/bodies'
import { DISCUSSION_AUTHOR } from '../fixtures/comments/discussion'

/** The size of the benchmark's discussion; 50 threads fill one page at the default threadsPerPage. */
export const LARGE_DISCUSSION = { comments: 500, threads: 50, maxNaturalDepth: 5 } as const

const READERS = ['Bruno', 'Chloé Martin', 'dev_null', 'Émile', 'Fatima Zahra', 'Hiroshi 山田', 'Inès', 'Kwame', 'María José', 'Priya']

/**
 * The rows of a 500-comment discussion on `slug`, shaped like the fixture discussion
 * (test/fixtures/comments/discussion.ts) at five times its size: many top-level threads, the
 * author replying under many comments, replies down to four levels below a top-level comment.
 * Bodies are `commentBodies(500)`, their HTML rendered here by `renderComment` as the store
 * holds it, so reading the page never runs the comment renderer. Oldest first, as `listThread`
 * returns them; deterministic.
 */
export function buildLargeDiscussion(slug: string): CommentRow[] {
  const { comments, threads, maxNaturalDepth } = LARGE_DISCUSSION
  const rand = seededRandom(comments)
  const bodies = commentBodies(comments)
  const rows: CommentRow[] = []
  const depth = new Map<number, number>()
  let time = Date.UTC(2026, 2, 1, 9, 0, 0)

  const add = (parent: CommentRow | null, who: 'author' | 'reader') => {
    time += 60_000 * (1 + Math.floor(rand() * 120))
    const name = who === 'author' ? DISCUSSION_AUTHOR : READERS[Math.floor(rand() * READERS.length)]!
    const body = bodies[rows.length]!
    const row: CommentRow = {
      id: rows.length + 1,
      postSlug: slug,
      parentId: parent?.id ?? null,
      authorName: name,
      authorEmail: who === 'author' ? null : `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.com`,
      body,
      bodyHtml: renderComment(body),
      renderVersion: COMMENT_RENDER_VERSION,
      status: 'approved',
      createdAt: time,
      updatedAt: time,
      ipHmac: who === 'author' ? null : 'ab'.repeat(32),
      isAuthor: who === 'author',
      notify: null,
      submitKey: `bench-${rows.length + 1}`,
    }
    rows.push(row)
    depth.set(row.id, parent ? depth.get(parent.id)! + 1 : 1)
    return row
  }

  // One chain at full depth (root, author, reader, author, reader), then the rest at random.
  let chain = add(null, 'reader')
  for (const who of ['author', 'reader', 'author', 'reader'] as const) chain = add(chain, who)
  let rootsLeft = threads - 1
  let repliesLeft = comments - threads - 4
  while (rootsLeft + repliesLeft > 0) {
    if (rootsLeft > 0 && rand() < rootsLeft / (rootsLeft + repliesLeft)) {
      add(null, 'reader')
      rootsLeft--
      continue
    }
    const parents = rows.filter((row) => depth.get(row.id)! < maxNaturalDepth)
    const parent = parents[Math.floor(rand() * parents.length)]!
    add(parent, !parent.isAuthor && rand() < 0.45 ? 'author' : 'reader')
    repliesLeft--
  }
  return rows
}
