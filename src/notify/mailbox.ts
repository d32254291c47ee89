import type { OutgoingEmail, Transport } from './types'

/**
 * The local mailbox: a transport that stores each email in D1 instead of sending it, for
 * development (`npm start` users read them at /admin/mailbox and click their links) and tests.
 */

/** One stored email, as `GET /api/admin/mailbox` answers it (a public contract: keep the field names). */
export interface MailboxMessage {
  id: number
  from: string
  to: string
  subject: string
  text: string
  html: string
  headers: Record<string, string>
  /** ISO 8601. */
  createdAt: string
}

interface MailboxRecord {
  id: number
  sender: string
  recipient: string
  subject: string
  text: string
  html: string
  headers: string
  created_at: number
}

function toMessage(r: MailboxRecord): MailboxMessage {
  return {
    id: r.id,
    from: r.sender,
    to: r.recipient,
    subject: r.subject,
    text: r.text,
    html: r.html,
    headers: JSON.parse(r.headers) as Record<string, string>,
    createdAt: new Date(r.created_at).toISOString(),
  }
}

/** The mailbox transport: stores each email once per idempotency key (a retry after a lost answer adds nothing). */
export function mailboxTransport(db: D1Database, clock: () => number = Date.now): Transport {
  return {
    name: 'mailbox',
    async send(email: OutgoingEmail) {
      try {
        await db
          .prepare(`INSERT INTO notify_mailbox (message_key, sender, recipient, subject, text, html, headers, created_at)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (message_key) DO NOTHING`)
          .bind(email.idempotencyKey, email.from, email.to, email.subject, email.text, email.html, JSON.stringify(email.headers), clock())
          .run()
        return { ok: true }
      } catch (error) {
        return { ok: false, error: `mailbox: ${String(error)}`, permanent: false }
      }
    },
  }
}

/** The stored emails, newest first. */
export async function listMailbox(db: D1Database, limit: number): Promise<MailboxMessage[]> {
  const { results } = await db
    .prepare(`SELECT id, sender, recipient, subject, text, html, headers, created_at FROM notify_mailbox
      ORDER BY id DESC LIMIT ?1`)
    .bind(limit)
    .all<MailboxRecord>()
  return results.map(toMessage)
}

/**
 * The statement (for the caller's batch) deleting the local mailbox's messages to `email`, and
 * those that name it (the author's notice of a comment carries the commenter's address).
 */
export function eraseMailboxStatement(db: D1Database, email: string): D1PreparedStatement {
  return db
    .prepare('DELETE FROM notify_mailbox WHERE lower(recipient) = ?1 OR instr(lower(text), ?1) > 0 OR instr(lower(html), ?1) > 0')
    .bind(email.trim().toLowerCase())
}
