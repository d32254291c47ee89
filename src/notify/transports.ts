import { mailboxTransport } from './mailbox'
import type { Audience, OutgoingEmail, SendResult, Transport, TransportName } from './types'

/**
 * The ways an email leaves: an HTTP email API (Resend's shape), Cloudflare's `send_email`
 * binding, or the local mailbox (D1). Which one is configuration (`transportName`).
 */

/** Resend's send endpoint: `POST` JSON `{from, to, subject, text, html, headers}` with a bearer key. */
export const RESEND_URL = 'https://api.resend.com/emails'
const HTTP_TIMEOUT_MS = 10_000

/** What picks a transport: vars, secrets and bindings of the Worker. */
export interface TransportConfig {
  /** `auto` (or unset), `http`, `send_email` or `mailbox`. */
  EMAIL_TRANSPORT?: string
  EMAIL_API_KEY?: string
  /** The optional `send_email` binding (commented out in wrangler.toml: it needs Email Routing). */
  SEND_EMAIL?: SendEmail
}

/**
 * The transport for `audience`. An explicit EMAIL_TRANSPORT applies to every email. `auto`:
 * readers' mail goes through the HTTP API when EMAIL_API_KEY is set, else to the mailbox; the
 * author's notices prefer the `send_email` binding when it is bound (it reaches only verified
 * addresses, such as the author's own), then the same rule as readers'. So development (no key,
 * no binding) uses the mailbox for everything. Pure.
 */
export function transportName(config: TransportConfig, audience: Audience): TransportName {
  const chosen = config.EMAIL_TRANSPORT?.trim().toLowerCase()
  if (chosen === 'http' || chosen === 'send_email' || chosen === 'mailbox') return chosen
  if (audience === 'author' && config.SEND_EMAIL) return 'send_email'
  return config.EMAIL_API_KEY ? 'http' : 'mailbox'
}

/** The transport `transportName` picks, built from the Worker's bindings. */
export function transportFor(
  config: TransportConfig & { DB: D1Database },
  audience: Audience,
  options: { fetch?: typeof fetch; clock?: () => number } = {},
): Transport {
  const name = transportName(config, audience)
  if (name === 'mailbox') return mailboxTransport(config.DB, options.clock)
  if (name === 'send_email') return config.SEND_EMAIL ? sendEmailTransport(config.SEND_EMAIL) : unconfigured(name, 'the SEND_EMAIL binding is missing (wrangler.toml)')
  return config.EMAIL_API_KEY ? httpTransport({ apiKey: config.EMAIL_API_KEY, fetch: options.fetch }) : unconfigured(name, 'EMAIL_API_KEY is not set')
}

/** A transport that cannot work: every email fails at once, with the reason, for the admin to see. */
function unconfigured(name: TransportName, reason: string): Transport {
  return { name, send: async () => ({ ok: false, error: reason, permanent: true }) }
}

/**
 * The HTTP email API (Resend-style). 2xx is sent; 408, 429 and 5xx (and network errors and
 * timeouts) are worth retrying; any other 4xx is not (a refused address, a bad key). Each email
 * carries `Idempotency-Key`, so a retry after a lost answer is not sent twice by the provider.
 */
export function httpTransport(options: { apiKey: string; fetch?: typeof fetch; url?: string }): Transport {
  // A bare `fetch` called as a method of another object throws "Illegal invocation" in workerd.
  const send = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init))
  return {
    name: 'http',
    async send(email: OutgoingEmail): Promise<SendResult> {
      try {
        const res = await send(options.url ?? RESEND_URL, {
          method: 'POST',
          headers: {
            Authorization: `Bearer ${options.apiKey}`,
            'Content-Type': 'application/json',
            'Idempotency-Key': email.idempotencyKey,
          },
          body: JSON.stringify({
            from: email.from,
            to: [email.to],
            subject: email.subject,
            text: email.text,
            html: email.html,
            headers: email.headers,
          }),
          signal: AbortSignal.timeout(HTTP_TIMEOUT_MS),
        })
        if (res.ok) {
          await res.body?.cancel()
          return { ok: true }
        }
        const detail = (await res.text().catch(() => '')).slice(0, 300)
        const retryable = res.status === 408 || res.status === 429 || res.status >= 500
        return { ok: false, error: `HTTP ${res.status}${detail ? `: ${detail}` : ''}`, permanent: !retryable }
      } catch (error) {
        return { ok: false, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error), permanent: false }
      }
    },
  }
}

/** `Name <address>` as the binding's `{name, email}`; a bare address as is. */
export function parseFrom(from: string): string | EmailAddress {
  const match = /^\s*(.*?)\s*<([^<>\s]+@[^<>\s]+)>\s*$/.exec(from)
  if (!match) return from.trim()
  const name = match[1]!.replace(/^"(.*)"$/, '$1')
  return name ? { name, email: match[2]! } : match[2]!
}

/** Cloudflare's `send_email` binding, with the structured builder (no MIME to write). */
export function sendEmailTransport(binding: SendEmail): Transport {
  return {
    name: 'send_email',
    async send(email: OutgoingEmail): Promise<SendResult> {
      try {
        await binding.send({
          from: parseFrom(email.from),
          to: email.to,
          subject: email.subject,
          text: email.text,
          html: email.html,
          headers: email.headers,
        })
        return { ok: true }
      } catch (error) {
        return { ok: false, error: `send_email: ${error instanceof Error ? error.message : String(error)}`, permanent: false }
      }
    },
  }
}
