import { publicTags, purgeQuietly, type CommentDeps } from '../comments/service'
import { eraseByEmailStatement, listByEmail, toCommentRows } from '../comments/store'
import type { CommentRow } from '../comments/types'
import type { SiteConfig } from '../content/types'
import { retryTransient } from '../db/retry'
import { uiStrings } from '../i18n'
import { COMMENT_RENDER_VERSION, renderComment } from '../markdown/comment'
import { eraseMailboxStatement } from '../notify/mailbox'
import { eraseRecipientStatement, listByRecipient } from '../notify/outbox'
import { eraseAddressStatements, getAddressByEmail, listSubscriptionsByEmail } from '../notify/subscriptions'
import type { OutboxRow } from '../notify/types'

/**
 * A commenter's data on request, by email address: everything stored about it (its comments,
 * its address and subscriptions, the emails owed or sent to it), as JSON for whoever asked, and
 * its erasure. The JSON shape is a public contract (the README's admin API).
 */

/** Longest address RFC 5321 lets through (and the comment form takes). */
export const MAX_EMAIL_LENGTH = 254

/** `raw` as an address to look up (trimmed), or null when it cannot be one. */
export function parseEmail(raw: unknown): string | null {
  if (typeof raw !== 'string') return null
  const email = raw.trim()
  return email.length <= MAX_EMAIL_LENGTH && /^[^\s@]+@[^\s@]+$/.test(email) ? email : null
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString())

/** A comment as its poster's export shows it: every stored field but the submit key (a hash of the others). */
function exportedComment(row: CommentRow) {
  return {
    id: row.id,
    postSlug: row.postSlug,
    parentId: row.parentId,
    author: row.authorName,
    email: row.authorEmail,
    body: row.body,
    status: row.status,
    isAuthor: row.isAuthor,
    notify: row.notify,
    ipHmac: row.ipHmac,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  }
}

function exportedEmail(row: OutboxRow) {
  return {
    id: row.id,
    kind: row.kind,
    recipient: row.recipient,
    commentId: row.commentId,
    status: row.status,
    attempts: row.attempts,
    lastError: row.lastError,
    createdAt: iso(row.createdAt),
    sentAt: iso(row.sentAt),
  }
}

export type CommenterData = Awaited<ReturnType<typeof findCommenter>>

/**
 * Everything stored about `email` (comments case-insensitively, as the trusted-commenter rule
 * compares; notification rows lowercased, as they are stored), in one round trip per table.
 */
export async function findCommenter(db: D1Database, email: string) {
  const [comments, address, subscriptions, outbox] = await Promise.all([
    listByEmail(db, email),
    getAddressByEmail(db, email),
    listSubscriptionsByEmail(db, email),
    listByRecipient(db, email),
  ])
  return {
    email,
    comments: comments.map(exportedComment),
    address: address && { email: address.email, createdAt: iso(address.createdAt), confirmSentAt: iso(address.confirmSentAt), confirmedAt: iso(address.confirmedAt) },
    subscriptions: subscriptions.map((s) => ({ id: s.id, scope: s.scope, postSlug: s.postSlug, commentId: s.commentId, confirmedAt: iso(s.confirmedAt) })),
    outbox: outbox.map(exportedEmail),
  }
}

/** What `eraseCommenter` did. */
export interface Erasure {
  /** The comments now anonymous, as stored after the erasure. */
  comments: CommentRow[]
  subscriptions: number
  outbox: number
  mailbox: number
  address: boolean
}

/**
 * Erases `email`: its comments keep their place, status and dates but lose the address, the IP
 * HMAC and the submit key, show the site's "Anonymous", and with `keepText: false` the site's
 * "[deleted]" instead of their text; its subscriptions, address row, outbox rows and local
 * mailbox copies are deleted. One batch (all or nothing, retried on transient errors), then the
 * pages of every post whose public thread showed one of the comments are purged.
 */
export async function eraseCommenter(
  deps: Pick<CommentDeps, 'db' | 'purge'>,
  email: string,
  options: { keepText: boolean; site: SiteConfig; now?: number },
): Promise<Erasure> {
  const { db } = deps
  const ui = uiStrings(options.site.language).comments
  const replacement = options.keepText
    ? undefined
    : { body: ui.deleted, html: renderComment(ui.deleted), version: COMMENT_RENDER_VERSION }
  const now = options.now ?? Date.now()
  const results = await retryTransient(() =>
    db.batch([
      eraseByEmailStatement(db, email, { name: ui.anonymous, replacement }, now),
      eraseRecipientStatement(db, email),
      eraseMailboxStatement(db, email),
      ...eraseAddressStatements(db, email),
    ]),
  )
  const [comments, outbox, mailbox, subscriptions, address] = results
  const erased = toCommentRows(comments!)
  const tags = new Set(erased.filter((row) => row.status === 'approved' || row.status === 'deleted').flatMap((row) => publicTags(row.postSlug)))
  if (tags.size > 0) await purgeQuietly(deps, [...tags])
  return {
    comments: erased,
    outbox: outbox!.meta.changes,
    mailbox: mailbox!.meta.changes,
    subscriptions: subscriptions!.meta.changes,
    address: address!.meta.changes > 0,
  }
}
