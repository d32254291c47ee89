import type { ThreadLink } from '../content/discussion-host'
import type { SiteConfig } from '../content/types'
import { nextAttemptAt } from './backoff'
import { emailLinks } from './links'
import { claimDue, getDeliveries, recordOutcome, type Delivery, type Outcome } from './outbox'
import { renderEmail, type EmailContent } from './render'
import { CONFIRM_TTL_MS, signConfirm, signManage, signUnsubscribe } from './tokens'
import { sendAlert } from './alerts'
import type { Audience, SendResult, Transport } from './types'
import type { WebhookSender } from './webhook'

/**
 * Sending what the outbox owes: claim due rows, build each email, send it through the
 * configured transport, record the outcome (sent; retry later with backoff; failed after
 * MAX_ATTEMPTS or a permanent refusal; cancelled when no longer owed). Never throws for one bad
 * email: each row's outcome is its own.
 */

/** How long a run holds the rows it claimed: far longer than a run of BATCH_SIZE sends takes. */
export const LEASE_MS = 5 * 60 * 1000
/** Rows one claim takes. */
export const BATCH_SIZE = 20
/** Claims one cron run makes at most: bounded work per minute (and per invocation's subrequests). */
export const MAX_BATCHES_PER_RUN = 5

export interface DeliveryDeps {
  db: D1Database
  /** SIGNING_KEY: the links in the emails. */
  signingKey: string
  site: SiteConfig
  /** The title and path of the post or page a thread key names, for the emails (`threadLink`). */
  thread: (slug: string) => ThreadLink
  transport: (audience: Audience) => Transport
  /** The author's webhook (WEBHOOK_URL); its alerts are cancelled when it is not configured. */
  webhook?: WebhookSender
}

export interface DeliveryReport {
  claimed: number
  sent: number
  retrying: number
  failed: number
  cancelled: number
}

const EMPTY: DeliveryReport = { claimed: 0, sent: 0, retrying: 0, failed: 0, cancelled: 0 }
const DAY_MS = 24 * 60 * 60 * 1000

/**
 * One claim of up to `limit` due rows (only those about `commentIds`, when given: the
 * request's immediate try), each attempted once at `now`.
 */
export async function deliverDue(
  deps: DeliveryDeps,
  options: { now: number; limit?: number; commentIds?: readonly number[] },
): Promise<DeliveryReport> {
  const { now } = options
  const { claim, ids } = await claimDue(deps.db, { now, limit: options.limit ?? BATCH_SIZE, leaseMs: LEASE_MS, commentIds: options.commentIds })
  if (ids.length === 0) return { ...EMPTY }
  const rows = await getDeliveries(deps.db, ids)
  const outcomes = await Promise.all(rows.map((row) => attempt(deps, row, now)))
  await Promise.all(rows.map((row, i) => recordOutcome(deps.db, row.id, claim, outcomes[i]!, now)))
  const report = { ...EMPTY, claimed: ids.length }
  for (const outcome of outcomes) {
    const key = outcome.status === 'pending' ? 'retrying' : outcome.status
    report[key]++
  }
  return report
}

/** What the cron does: claims until nothing is due, at most MAX_BATCHES_PER_RUN times. */
export async function drainOutbox(deps: DeliveryDeps, options: { now: number; maxBatches?: number }): Promise<DeliveryReport> {
  const total = { ...EMPTY }
  for (let batch = 0; batch < (options.maxBatches ?? MAX_BATCHES_PER_RUN); batch++) {
    const report = await deliverDue(deps, { now: options.now })
    for (const key of Object.keys(total) as (keyof DeliveryReport)[]) total[key] += report[key]
    if (report.claimed < BATCH_SIZE) break
  }
  return total
}

async function attempt(deps: DeliveryDeps, row: Delivery, now: number): Promise<Outcome> {
  try {
    const result = row.kind === 'webhook' ? await sendAlert(deps, row) : await sendEmail(deps, row, now)
    if ('cancel' in result) return { status: 'cancelled', reason: result.cancel }
    if (result.ok) return { status: 'sent' }
    const next = nextAttemptAt(row.attempts, now, result.permanent)
    return next === null ? { status: 'failed', error: result.error } : { status: 'pending', error: result.error, nextAttemptAt: next }
  } catch (error) {
    const message = `could not build the email: ${String(error)}`
    const next = nextAttemptAt(row.attempts, now)
    return next === null ? { status: 'failed', error: message } : { status: 'pending', error: message, nextAttemptAt: next }
  }
}

async function sendEmail(deps: DeliveryDeps, row: Delivery, now: number): Promise<SendResult | { cancel: string }> {
  const content = await contentFor(deps, row, now)
  if ('cancel' in content) return content
  const email = renderEmail(deps.site, row.recipient, content, `palabre-notify-${row.id}`)
  return deps.transport(row.kind === 'author' ? 'author' : 'readers').send(email)
}

/** The email a row still owes, or why it is owed no more (unsubscribed, unconfirmed, comment gone). */
async function contentFor(deps: DeliveryDeps, row: Delivery, now: number): Promise<EmailContent | { cancel: string }> {
  const links = emailLinks(deps.site)
  const { comment, address } = row
  if (row.kind === 'confirm') return confirmationFor(deps, row, now)
  if (row.kind === 'webhook') return { cancel: 'a webhook alert is no email' }
  if (!comment) return { cancel: 'the comment is gone' }
  const thread = deps.thread(comment.postSlug)
  const about = { name: comment.authorName, postTitle: thread.title, body: comment.body }
  const commentUrl = links.comment(thread, comment.id)
  if (row.kind === 'author') {
    if (comment.status === 'spam' || comment.status === 'deleted') return { cancel: `the comment was marked ${comment.status}` }
    return { kind: 'author', ...about, commentUrl, adminUrl: links.admin(), held: comment.status === 'pending' }
  }
  if (comment.status !== 'approved') return { cancel: 'the comment is not public' }
  if (!address?.confirmed) return { cancel: 'the address is not confirmed' }
  if (!row.subscribed || row.subscriptionId === null) return { cancel: 'unsubscribed' }
  const [one, all, manage] = await Promise.all([
    signUnsubscribe(deps.signingKey, { subscription: row.subscriptionId }),
    signUnsubscribe(deps.signingKey, { address: address.id }),
    signManage(deps.signingKey, address.id),
  ])
  return {
    kind: row.kind,
    ...about,
    commentUrl,
    unsubscribeUrl: links.unsubscribe({ subscription: row.subscriptionId }, one),
    unsubscribeAllUrl: links.unsubscribe({ address: address.id }, all),
    manageUrl: links.manage(address.id, manage),
  }
}

/**
 * A confirmation names the subscription asked for: the first one of an address, or "also this
 * post?" to an address already confirmed for something else. Rows queued before subscriptions
 * had their own confirmation name only the address.
 */
async function confirmationFor(deps: DeliveryDeps, row: Delivery, now: number): Promise<EmailContent | { cancel: string }> {
  const links = emailLinks(deps.site)
  const validDays = Math.round(CONFIRM_TTL_MS / DAY_MS)
  if (!row.address) return { cancel: 'the address is gone' }
  const manageUrl = links.manage(row.address.id, await signManage(deps.signingKey, row.address.id))
  if (row.subscriptionId === null) {
    if (row.address.confirmed) return { cancel: 'the address is already confirmed' }
    const token = await signConfirm(deps.signingKey, { address: row.address.id }, now + CONFIRM_TTL_MS)
    return { kind: 'confirm', confirmUrl: links.confirm({ address: row.address.id }, token), validDays, manageUrl }
  }
  if (!row.subscribed) return { cancel: 'unsubscribed' }
  if (row.subscriptionConfirmed) return { cancel: 'the subscription is already confirmed' }
  const scope = { subscription: row.subscriptionId }
  const token = await signConfirm(deps.signingKey, scope, now + CONFIRM_TTL_MS)
  const also = row.address.confirmed && row.comment ? deps.thread(row.comment.postSlug).title : undefined
  return { kind: 'confirm', confirmUrl: links.confirm(scope, token), validDays, manageUrl, ...(also !== undefined && { alsoPost: also }) }
}
