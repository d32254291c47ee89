import type { BrowserContext, Page } from 'playwright-core'
import type { ApiComment } from './comments'
import type { MailboxMessage } from '../../../src/notify/mailbox'
import type { PalabreUnderTest } from './features'

export type { MailboxMessage }

/** The server as these helpers need it. */
type Server = Pick<PalabreUnderTest, 'origin' | 'adminToken'>

/**
 * How many times to look (firing the cron in between) before giving up: a count of rounds, not
 * a time, so a slow machine takes longer rather than failing. About 20 s on an idle one.
 */
const MAIL_ROUNDS = 80
const POLL_MS = 250

const bearer = (app: Server) => ({ Authorization: `Bearer ${app.adminToken}` })

/** What the local mailbox holds, newest first. */
export async function mailbox(app: Server): Promise<MailboxMessage[]> {
  const response = await fetch(`${app.origin}/api/admin/mailbox?limit=500`, { headers: bearer(app) })
  if (!response.ok) throw new Error(`GET /api/admin/mailbox: ${response.status} ${await response.text()}`)
  return ((await response.json()) as { messages: MailboxMessage[] }).messages
}

/** The outbox rows still waiting to be sent (`GET /api/admin/notifications?status=pending`). */
export async function pendingEmails(app: Server): Promise<unknown[]> {
  const response = await fetch(`${app.origin}/api/admin/notifications?status=pending`, { headers: bearer(app) })
  if (!response.ok) throw new Error(`GET /api/admin/notifications: ${response.status} ${await response.text()}`)
  return ((await response.json()) as { notifications: unknown[] }).notifications
}

/**
 * Fires the Worker's cron handler as `npm start` does each minute (`wrangler dev` has
 * `/cdn-cgi/local/scheduled`), so a test need not wait for the minute to come round.
 */
export async function runCron(app: Server): Promise<void> {
  const response = await fetch(`${app.origin}/cdn-cgi/local/scheduled`)
  await response.body?.cancel()
}

/**
 * The messages matching `match`, once there are at least `count` of them: polls the mailbox,
 * firing the cron between polls (the request's own immediate try usually wins), MAIL_ROUNDS times at most.
 */
export async function waitForMail(app: Server, match: (m: MailboxMessage) => boolean, count = 1): Promise<MailboxMessage[]> {
  for (let round = 1; ; round++) {
    const found = (await mailbox(app)).filter(match)
    if (found.length >= count) return found
    if (round >= MAIL_ROUNDS) throw new Error(`no ${count} matching email(s) in the mailbox after ${MAIL_ROUNDS} cron runs (found ${found.length})`)
    await runCron(app)
    await new Promise((resolve) => setTimeout(resolve, POLL_MS))
  }
}

/**
 * Waits until the outbox has nothing left to send (firing the cron meanwhile), so a test can
 * then assert that some email was never sent rather than not sent yet.
 */
export async function waitForOutboxDrained(app: Server): Promise<void> {
  for (let round = 1; (await pendingEmails(app)).length > 0; round++) {
    if (round >= MAIL_ROUNDS) throw new Error(`the outbox still had pending emails after ${MAIL_ROUNDS} cron runs`)
    await runCron(app)
    await new Promise((resolve) => setTimeout(resolve, POLL_MS))
  }
}

/** The URLs in an email's plain text, in order. */
export function linksOf(message: MailboxMessage): string[] {
  return message.text.match(/https?:\/\/[^\s<>"']+/g) ?? []
}

/**
 * Posts a public comment through the JSON API with the admin bearer token (no moderation, no
 * rate limit) as a reader with `email`, optionally asking for notifications.
 */
export async function postWithEmail(
  app: Server,
  slug: string,
  comment: { author: string; email: string; body: string; parentId?: number | null; notify?: 'replies' | 'post' },
): Promise<ApiComment> {
  const response = await fetch(`${app.origin}/api/posts/${encodeURIComponent(slug)}/comments`, {
    method: 'POST',
    headers: { ...bearer(app), 'Content-Type': 'application/json' },
    body: JSON.stringify(comment),
  })
  if (response.status !== 201) throw new Error(`POST comment: ${response.status} ${await response.text()}`)
  return ((await response.json()) as { comment: ApiComment }).comment
}

/** The blog author's reply (author badge), through `POST /api/admin/posts/<slug>/comments`. */
export async function postAsAuthor(app: Server, slug: string, reply: { body: string; parentId: number }): Promise<number> {
  const response = await fetch(`${app.origin}/api/admin/posts/${encodeURIComponent(slug)}/comments`, {
    method: 'POST',
    headers: { ...bearer(app), 'Content-Type': 'application/json' },
    body: JSON.stringify(reply),
  })
  if (response.status !== 201) throw new Error(`POST author reply: ${response.status} ${await response.text()}`)
  return ((await response.json()) as { comment: { id: number } }).comment.id
}

/** Signs `context` in to /admin with the admin token, through the sign-in form; resolves with the page. */
export async function signInAsAdmin(context: BrowserContext, app: Server): Promise<Page> {
  const page = await context.newPage()
  await page.goto(`${app.origin}/admin`)
  await page.locator('input[name=token]').fill(app.adminToken)
  await Promise.all([page.waitForURL(`${app.origin}/admin`), page.locator('form[action="/admin/login"] button[type=submit]').click()])
  return page
}
