import type { CommentStatus } from '../comments/types'
import type { SendResult } from './types'

/**
 * The author's alert beyond email: one POST per new comment to `WEBHOOK_URL`, queued in the
 * outbox with the comment and delivered (and retried with backoff) like an email. The body's
 * shape is `WEBHOOK_FORMAT`: `json` (the default: the whole alert), `slack` (`{text}`, Slack's
 * incoming webhooks), `discord` (`{content}`, Discord's webhooks, mentions off) or `ntfy` (a
 * plain text body, title and links in headers, as ntfy's publish API takes it).
 */

export const WEBHOOK_FORMATS = ['json', 'slack', 'discord', 'ntfy'] as const
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number]

/** What an alert says: the comment, its post, its status, where to read and moderate it. */
export interface WebhookAlert {
  event: 'comment.created'
  site: { title: string; url: string }
  post: { slug: string; title: string; url: string }
  /** Never the email or the IP: a webhook may post into a shared channel. */
  comment: { id: number; author: string; body: string; status: CommentStatus; url: string }
  /** `moderate`: the /admin page, where a held comment is approved. */
  links: { comment: string; moderate: string }
}

/** `WEBHOOK_FORMAT` read leniently (case, spaces); anything else is `json`. */
export function webhookFormat(value: string | undefined): WebhookFormat {
  const format = value?.trim().toLowerCase()
  return WEBHOOK_FORMATS.find((f) => f === format) ?? 'json'
}

const EXCERPT = 1_000
const cut = (text: string, max: number) => {
  const chars = [...text.trim()]
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : chars.join('')
}

function summary(alert: WebhookAlert): string {
  const held = alert.comment.status === 'pending' ? ' (awaiting moderation)' : ''
  return `New comment by ${alert.comment.author} on “${alert.post.title}”${held}`
}

/** Slack reads `&`, `<` and `>` as markup (`<!channel>` pings everyone): a reader's text is escaped. */
const slackEscape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** A header value ntfy decodes: ASCII as is, anything else as an RFC 2047 encoded word. */
function headerText(text: string): string {
  const line = text.replace(/[\r\n]+/g, ' ')
  if (/^[\x20-\x7e]*$/.test(line)) return line
  const bytes = new TextEncoder().encode(line)
  return `=?UTF-8?B?${btoa(String.fromCharCode(...bytes))}?=`
}

/** The request for `alert` in `format`: its body and headers. Pure. */
export function webhookRequest(alert: WebhookAlert, format: WebhookFormat): { body: string; headers: Record<string, string> } {
  const body = cut(alert.comment.body, EXCERPT)
  if (format === 'slack') {
    const text = `${slackEscape(summary(alert))}\n>${slackEscape(body).replace(/\n/g, '\n>')}\n<${alert.links.comment}|Read it> · <${alert.links.moderate}|Moderate>`
    return { body: JSON.stringify({ text }), headers: { 'Content-Type': 'application/json' } }
  }
  if (format === 'discord') {
    // Discord takes at most 2,000 characters of content; a comment must not ping @everyone.
    const links = `\n<${alert.links.comment}> · moderate: <${alert.links.moderate}>`
    const content = `**${cut(summary(alert), 300)}**\n${cut(body, 2_000 - 320 - links.length)}${links}`
    return { body: JSON.stringify({ content, allowed_mentions: { parse: [] } }), headers: { 'Content-Type': 'application/json' } }
  }
  if (format === 'ntfy') {
    return {
      body,
      headers: {
        'Content-Type': 'text/plain; charset=utf-8',
        Title: headerText(cut(summary(alert), 200)),
        Click: alert.links.comment,
        Tags: alert.comment.status === 'pending' ? 'hourglass' : 'speech_balloon',
        Actions: `view, Moderate, ${alert.links.moderate}`,
      },
    }
  }
  return { body: JSON.stringify(alert), headers: { 'Content-Type': 'application/json' } }
}

const TIMEOUT_MS = 10_000

/** Sends alerts to one URL. Never throws: failures come back as a SendResult. */
export interface WebhookSender {
  send(alert: WebhookAlert, idempotencyKey: string): Promise<SendResult>
}

/**
 * POSTs to `url` in `format`. 2xx is delivered; 408, 429, 5xx, network errors and timeouts are
 * retried; other 4xx are not (a deleted hook, a bad URL). `Idempotency-Key` names the alert, for
 * receivers that deduplicate.
 */
export function webhookSender(options: { url: string; format: WebhookFormat; fetch?: typeof fetch }): WebhookSender {
  // A bare `fetch` called as a method of another object throws "Illegal invocation" in workerd.
  const send = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init))
  return {
    async send(alert, idempotencyKey) {
      const { body, headers } = webhookRequest(alert, options.format)
      try {
        const res = await send(options.url, {
          method: 'POST',
          headers: { ...headers, 'Idempotency-Key': idempotencyKey },
          body,
          signal: AbortSignal.timeout(TIMEOUT_MS),
        })
        if (res.ok) {
          await res.body?.cancel()
          return { ok: true }
        }
        const detail = (await res.text().catch(() => '')).slice(0, 300)
        const retryable = res.status === 408 || res.status === 429 || res.status >= 500
        return { ok: false, error: `webhook HTTP ${res.status}${detail ? `: ${detail}` : ''}`, permanent: !retryable }
      } catch (error) {
        return { ok: false, error: `webhook: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`, permanent: false }
      }
    },
  }
}
