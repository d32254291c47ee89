import type { CommentStatus, NotifyWish } from '../comments/types'
import type { SubscriptionScope } from '../notify/types'
import { queryD1, type D1Target } from './backup-d1'

/**
 * What `npm run export` reads from D1, through `wrangler d1 execute` (as the backup does): every
 * comment, every subscription with its address, and the WordPress ids the import kept. The only
 * SQL of the export; one row mapper per table read.
 */

/** A comment as the export writes it: everything but the IP HMAC and the submit key (hashes, meaningless elsewhere). */
export interface ExportComment {
  id: number
  postSlug: string
  parentId: number | null
  author: string
  email: string | null
  /** The blog author's own comment (the badge). */
  isAuthor: boolean
  status: CommentStatus
  /** The text as posted (the comment markdown subset). */
  body: string
  /** The sanitized HTML rendered from it. */
  html: string
  notify: NotifyWish | null
  /** Unix milliseconds. */
  createdAt: number
  updatedAt: number
}

export interface ExportSubscription {
  id: number
  email: string
  scope: SubscriptionScope
  postSlug: string
  /** For `replies`: the comment whose replies are followed. */
  commentId: number | null
  createdAt: number
  /** When this subscription was confirmed by its own link (null: waiting, nothing is sent). */
  confirmedAt: number | null
  /** When the address was confirmed (for anything). */
  addressConfirmedAt: number | null
}

interface CommentRecord {
  id: number
  post_slug: string
  parent_id: number | null
  author_name: string
  author_email: string | null
  is_author: number
  status: CommentStatus
  body: string
  body_html: string
  notify: NotifyWish | null
  created_at: number
  updated_at: number
}

function toComment(r: CommentRecord): ExportComment {
  return {
    id: r.id,
    postSlug: r.post_slug,
    parentId: r.parent_id,
    author: r.author_name,
    email: r.author_email,
    isAuthor: r.is_author === 1,
    status: r.status,
    body: r.body,
    html: r.body_html,
    notify: r.notify,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }
}

interface SubscriptionRecord {
  id: number
  email: string
  scope: SubscriptionScope
  post_slug: string
  comment_id: number | null
  created_at: number
  confirmed_at: number | null
  address_confirmed_at: number | null
}

function toSubscription(r: SubscriptionRecord): ExportSubscription {
  return {
    id: r.id,
    email: r.email,
    scope: r.scope,
    postSlug: r.post_slug,
    commentId: r.comment_id,
    createdAt: r.created_at,
    confirmedAt: r.confirmed_at,
    addressConfirmedAt: r.address_confirmed_at,
  }
}

/** Comments per wrangler call: each answer is one JSON document in memory, and a comment may hold 10,000 characters. */
const PAGE = 1000

/** Every comment, by id, read page by page (keyset pagination: no page is read twice). */
export async function readComments(target: D1Target): Promise<ExportComment[]> {
  const comments: ExportComment[] = []
  for (let after = 0; ; ) {
    const rows = await queryD1<CommentRecord>(
      `SELECT id, post_slug, parent_id, author_name, author_email, is_author, status, body, body_html, notify, created_at, updated_at
        FROM comments WHERE id > ${after} ORDER BY id LIMIT ${PAGE}`,
      target,
    )
    comments.push(...rows.map(toComment))
    if (rows.length < PAGE) return comments
    after = rows[rows.length - 1]!.id
  }
}

/** Every subscription with its address, by id. */
export async function readSubscriptions(target: D1Target): Promise<ExportSubscription[]> {
  const rows = await queryD1<SubscriptionRecord>(
    `SELECT s.id, a.email, s.scope, s.post_slug, s.comment_id, s.created_at, s.confirmed_at, a.confirmed_at AS address_confirmed_at
      FROM notify_subscriptions s JOIN notify_addresses a ON a.id = s.address_id ORDER BY s.id`,
    target,
  )
  return rows.map(toSubscription)
}

/** The WordPress ids the import kept as `/?p=<id>` and `/?page_id=<id>` redirects, by the path they lead to. */
export async function readWordPressIds(target: D1Target): Promise<Map<string, number>> {
  const rows = await queryD1<{ from_path: string; to_path: string }>(
    "SELECT from_path, to_path FROM redirects WHERE from_path LIKE '/?p=%' OR from_path LIKE '/?page\\_id=%' ESCAPE '\\' ORDER BY from_path",
    target,
  )
  const ids = new Map<string, number>()
  for (const row of rows) {
    const id = Number(/=(\d{1,15})$/.exec(row.from_path)?.[1])
    if (Number.isSafeInteger(id) && id > 0 && !ids.has(row.to_path)) ids.set(row.to_path, id)
  }
  return ids
}
