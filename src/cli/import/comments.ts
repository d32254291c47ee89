import type { CommentStatus } from '../../comments/types'
import { COMMENT_RENDER_VERSION, renderComment } from '../../markdown/comment'
import { convertCommentBody } from './body'
import { wpInstant } from './dates'
import type { PlannedComment } from './import-types'
import type { WxrAuthor, WxrComment, WxrItem } from './wxr-types'

/** WordPress's `comment_approved` → Palabre's status; undefined for a value WordPress does not write. */
const STATUS: Record<string, CommentStatus> = { '1': 'approved', '0': 'pending', spam: 'spam', trash: 'deleted', 'post-trashed': 'deleted' }

/** The stable key of an imported comment: the blog (host and path of its address) and the WordPress id. */
export function importKey(blogUrl: string, wpId: number): string {
  const url = new URL(blogUrl)
  return `wordpress:${url.host}${url.pathname.replace(/\/+$/, '')}:${wpId}`
}

export interface CommentTally {
  pingbacks: number
  other: number
  droppedUrls: number
  warnings: string[]
}

/**
 * The rows of one post's comments, parents before their replies. Pingbacks and trackbacks are
 * skipped (Palabre shows none). The blog's own authors (a `comment_user_id` of an exported author,
 * or an author's email) are marked as the author. The body is converted to the comment markdown
 * subset and rendered by the one comment renderer, like any reader's text. A reply whose parent is
 * not in the export (or was skipped) becomes a top-level comment, with a warning.
 */
export function planComments(
  item: WxrItem,
  slug: string,
  context: { blogUrl: string; authors: WxrAuthor[]; timeZone: string },
  tally: CommentTally,
): PlannedComment[] {
  const authorIds = new Set(context.authors.map((a) => a.id))
  const authorEmails = new Set(context.authors.map((a) => a.email.toLowerCase()).filter(Boolean))
  const rows = new Map<number, PlannedComment>()
  const parents = new Map<number, number>()
  for (const c of item.comments) {
    if (c.type === 'pingback' || c.type === 'trackback') {
      tally.pingbacks++
      continue
    }
    const status = STATUS[c.approved]
    if ((c.type !== '' && c.type !== 'comment') || status === undefined) {
      tally.other++
      tally.warnings.push(`comment ${c.id} on "${item.title}": skipped (type ${JSON.stringify(c.type)}, status ${JSON.stringify(c.approved)})`)
      continue
    }
    if (c.url) tally.droppedUrls++
    rows.set(c.id, toRow(c, status, slug, context, authorIds, authorEmails, item))
    if (c.parent) parents.set(c.id, c.parent)
  }
  for (const [id, parent] of parents) {
    const row = rows.get(id)!
    if (rows.has(parent)) row.parentKey = importKey(context.blogUrl, parent)
    else tally.warnings.push(`comment ${id} on "${item.title}": its parent ${parent} is not in the export; shown as a top-level comment`)
  }
  return parentsFirst(rows, parents)
}

function toRow(
  c: WxrComment,
  status: CommentStatus,
  slug: string,
  context: { blogUrl: string; timeZone: string },
  authorIds: Set<number>,
  authorEmails: Set<string>,
  item: WxrItem,
): PlannedComment {
  const body = convertCommentBody(c.content)
  const createdAt = wpInstant(c.date, c.dateGmt, context.timeZone) ?? wpInstant(item.date, item.dateGmt, context.timeZone) ?? 0
  return {
    wpId: c.id,
    id: c.id,
    postSlug: slug,
    parentKey: null,
    authorName: c.author || 'Anonymous',
    authorEmail: c.email ? c.email : null,
    body,
    bodyHtml: renderComment(body),
    renderVersion: COMMENT_RENDER_VERSION,
    status,
    createdAt,
    isAuthor: (c.userId !== 0 && authorIds.has(c.userId)) || (c.email !== '' && authorEmails.has(c.email.toLowerCase())),
    importKey: importKey(context.blogUrl, c.id),
  }
}

/** Rows in an order where every parent comes before its replies (then by date and id), without recursion. */
function parentsFirst(rows: Map<number, PlannedComment>, parents: Map<number, number>): PlannedComment[] {
  const children = new Map<number, PlannedComment[]>()
  const roots: PlannedComment[] = []
  const byTime = (a: PlannedComment, b: PlannedComment) => a.createdAt - b.createdAt || a.wpId - b.wpId
  for (const row of rows.values()) {
    const parent = parents.get(row.wpId)
    if (row.parentKey !== null && parent !== undefined) children.set(parent, [...(children.get(parent) ?? []), row])
    else roots.push(row)
  }
  const out = roots.sort(byTime)
  for (let i = 0; i < out.length; i++) out.push(...(children.get(out[i]!.wpId) ?? []).sort(byTime))
  // A cycle of parents (never written by WordPress, possible in a hand-edited file) is cut at top level.
  const placed = new Set(out)
  for (const row of rows.values()) if (!placed.has(row)) out.push({ ...row, parentKey: null })
  return out
}
