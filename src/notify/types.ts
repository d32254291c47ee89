/**
 * Notification shapes: subscriptions (what an address follows), outbox rows (emails owed), and
 * the email a transport sends. Addresses are lowercased everywhere they are stored or compared.
 */

/** `replies`: replies below one comment, at any depth; `post`: every new comment on one post. */
export type SubscriptionScope = 'replies' | 'post'

/**
 * `confirm`: the double opt-in email; `reply`/`post`: a reader's notice by scope; `author`: the
 * blog author's; `webhook`: the author's alert to WEBHOOK_URL (not an email).
 */
export type NoticeKind = 'confirm' | 'reply' | 'post' | 'author' | 'webhook'

export type OutboxStatus = 'pending' | 'sent' | 'failed' | 'cancelled'

/** A subscription with its address, as recipient selection needs it. */
export interface SubscriptionFacts {
  id: number
  addressId: number
  email: string
  scope: SubscriptionScope
  postSlug: string
  /** For `replies`: the followed comment. */
  commentId: number | null
  /** The address confirmed (double opt-in): nothing but the confirmation goes to it before. */
  confirmed: boolean
}

/** One email to queue about a comment. */
export interface PlannedNotice {
  kind: 'reply' | 'post' | 'author'
  email: string
  /** The subscription that matched (its unsubscribe link goes in the email); null for the author. */
  subscriptionId: number | null
}

/** An outbox row. */
export interface OutboxRow {
  id: number
  kind: NoticeKind
  recipient: string
  commentId: number | null
  subscriptionId: number | null
  addressId: number | null
  status: OutboxStatus
  attempts: number
  nextAttemptAt: number
  lastError: string | null
  createdAt: number
  sentAt: number | null
}

/** An email ready for a transport. */
export interface OutgoingEmail {
  /** `Name <address>` or a bare address (the site's `email.from`). */
  from: string
  to: string
  subject: string
  text: string
  html: string
  /** Extra headers: List-Unsubscribe, List-Unsubscribe-Post, Auto-Submitted. */
  headers: Record<string, string>
  /** Stable per outbox row: a provider (or the mailbox) that supports it stores a retry once. */
  idempotencyKey: string
}

/** What a transport says about one email. `permanent`: retrying the same email cannot help. */
export type SendResult = { ok: true } | { ok: false; error: string; permanent: boolean }

/** Sends one email. Never throws: failures come back as a SendResult. */
export interface Transport {
  readonly name: TransportName
  send(email: OutgoingEmail): Promise<SendResult>
}

export type TransportName = 'http' | 'send_email' | 'mailbox'

/** Who an email is for: readers (confirmations and their notices) or the blog author. */
export type Audience = 'readers' | 'author'
