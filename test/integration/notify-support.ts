import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { app } from '../../src/app'
import { insertComment } from '../../src/comments/store'
import { DUPLICATE_WINDOW_MS, submitKeys } from '../../src/comments/submit-key'
import type { CommentRow, NewComment } from '../../src/comments/types'
import { DEFAULT_SITE } from '../../src/content/site-defaults'
import type { SiteConfig } from '../../src/content/types'
import { newCommentStatements } from '../../src/notify'
import type { DeliveryDeps } from '../../src/notify/delivery'
import { mailboxTransport } from '../../src/notify/mailbox'
import { confirmSubscription } from '../../src/notify/subscriptions'
import { httpTransport } from '../../src/notify/transports'
import type { Transport } from '../../src/notify/types'
import { newComment } from '../fixtures/comments/new-comment'
import { postPath } from '../../src/urls'

/** Helpers of the notification tests: comments stored with their outbox rows, a fake email API. */

export const db = env.DB
export const KEY = 'test-signing-key'

export const SITE: SiteConfig = {
  ...DEFAULT_SITE,
  title: 'Carnets',
  baseUrl: 'https://blog.example',
  email: { from: 'Carnets <blog@blog.example>', author: 'me@blog.example' },
}

/**
 * Stores `comment` as the comment service does: the notification statements in the same batch
 * as the comment, naming it by its submit keys.
 */
export async function store(overrides: Partial<NewComment>, site: SiteConfig = SITE): Promise<CommentRow> {
  const comment = newComment(overrides)
  const related = await newCommentStatements(db, comment, site, comment.createdAt)
  const { comment: row } = await insertComment(db, comment)
  const keys = await submitKeys(comment, comment.createdAt)
  await batch(related({ submitKey: keys.current, previousKey: keys.previous, since: comment.createdAt - DUPLICATE_WINDOW_MS }))
  return row
}

/** `db.batch`, which refuses an empty list. */
export async function batch(statements: D1PreparedStatement[]): Promise<void> {
  if (statements.length > 0) await db.batch(statements)
}

/** Confirms every subscription `email` asked for so far, as the POST on each one's confirmation page would. */
export async function confirm(email: string, now = Date.now()): Promise<void> {
  const { results } = await db
    .prepare('SELECT s.id FROM notify_subscriptions s JOIN notify_addresses a ON a.id = s.address_id WHERE a.email = ?1')
    .bind(email)
    .all<{ id: number }>()
  if (results.length === 0) throw new Error(`${email} never asked for notifications`)
  for (const { id } of results) await confirmSubscription(db, id, now)
}

export interface OutboxRecord {
  id: number
  kind: string
  recipient: string
  comment_id: number | null
  subscription_id: number | null
  status: string
  attempts: number
  next_attempt_at: number
  last_error: string | null
}

/** Outbox rows about the comments of `slug` (and confirmations they caused), oldest first. */
export async function outboxOf(slug: string): Promise<OutboxRecord[]> {
  const { results } = await db
    .prepare(`SELECT o.* FROM notify_outbox o JOIN comments c ON c.id = o.comment_id WHERE c.post_slug = ?1 ORDER BY o.id`)
    .bind(slug)
    .all<OutboxRecord>()
  return results
}

/** Mailbox messages to `to`, oldest first. */
export async function mailTo(to: string): Promise<{ subject: string; text: string; headers: string }[]> {
  const { results } = await db
    .prepare('SELECT subject, text, headers FROM notify_mailbox WHERE recipient = ?1 ORDER BY id')
    .bind(to)
    .all<{ subject: string; text: string; headers: string }>()
  return results
}

/**
 * A stand-in for the email provider's HTTP API (a third party): answers each request with the
 * next status of `script` (then the last one forever) and records what it accepted.
 */
export function fakeProvider(script: number[]) {
  const requests: { to: string; subject: string; idempotencyKey: string | null; status: number }[] = []
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init)
    const body = (await request.json()) as { to: string[]; subject: string }
    const status = script[Math.min(requests.length, script.length - 1)]!
    requests.push({ to: body.to[0]!, subject: body.subject, idempotencyKey: request.headers.get('Idempotency-Key'), status })
    return new Response(status < 300 ? '{"id":"x"}' : 'provider trouble', { status })
  }
  return {
    transport: httpTransport({ apiKey: 're_test', fetch: fetch as typeof globalThis.fetch }),
    requests,
    delivered: () => requests.filter((r) => r.status < 300),
  }
}

/** Delivery's dependencies with one transport for every email (the local mailbox by default). */
export function deliveryDeps(transport: Transport = mailboxTransport(db), site: SiteConfig = SITE): DeliveryDeps {
  return { db, signingKey: KEY, site, thread: (slug) => ({ title: `Post ${slug}`, path: postPath(slug) }), transport: () => transport }
}

let slugs = 0
/** A post slug of its own per test: storage is shared by the tests of a file. */
export const slug = (name: string) => `${name}-${++slugs}`

/**
 * Calls the Worker and waits for its background work (the immediate email try). Email goes to
 * the local mailbox unless `bindings` say otherwise: a test never sends real email, whatever
 * .dev.vars holds.
 */
export async function send(request: Request, bindings: Record<string, unknown> = {}): Promise<Response> {
  const ctx = createExecutionContext()
  const res = await app.fetch(request, { ...env, EMAIL_TRANSPORT: 'mailbox', ...bindings }, ctx)
  await waitOnExecutionContext(ctx)
  return res
}

/** Posts the comment form as a browser would; answers the stored comment's id. */
export async function postComment(
  url: string,
  fields: Partial<Record<'author' | 'email' | 'body' | 'parent_id' | 'notify', string>>,
  bindings: Record<string, unknown> = {},
): Promise<number> {
  const form = new URLSearchParams({ author: 'Léa', body: `A comment ${crypto.randomUUID()}`, ...fields })
  const res = await send(new Request(url, { method: 'POST', body: form, redirect: 'manual' }), bindings)
  if (res.status !== 303) throw new Error(`the comment form answered ${res.status}`)
  const location = res.headers.get('Location') ?? ''
  const match = /#comment-(\d+)$/.exec(location) ?? /\/comments\/(\d+)\?t=/.exec(location)
  if (!match) throw new Error(`no comment id in ${location}`)
  return Number(match[1])
}

/** The path and query of the first link of the newest email to `to` that starts with `path`. */
export async function linkFor(to: string, path: string): Promise<string> {
  const mail = await mailTo(to)
  const text = mail.at(-1)?.text ?? ''
  const url = text.match(/https?:\/\/\S+/g)?.map((link) => new URL(link)).find((link) => link.pathname === path)
  if (!url) throw new Error(`no ${path} link in the last email to ${to}`)
  return `${url.pathname}${url.search}`
}
