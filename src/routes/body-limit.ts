import type { Context, MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { MAX_BULK } from '../comments/moderation'
import { AUTHOR_MAX, BODY_MAX } from '../comments/schema'
import type { AppEnv } from '../env'
import { ERROR_STATUS } from '../errors'
import { uiStrings } from '../i18n'
import { apiError } from './errors'

/**
 * How much a request may send, per route, refused with 413 before anything parses it: a 10 MB
 * comment used to be parsed, validated and echoed whole in the 422 page, and a form of 200,000
 * fields took a second to parse.
 */

/**
 * A comment, by the form or the API. The largest one the schema takes (10,000 + 100 code points)
 * at its worst encoding (12 bytes a code point: `%F0%9F%98%80` or `\ud83d\ude00`) is 121,200
 * bytes; the email (254), a Turnstile token (2,048 characters) and the field names fit in the
 * rest, which test/integration/body-limit.test.ts proves.
 */
export const COMMENT_MAX_BYTES = 128 * 1024
/** Fields of a comment form: ours has eight; a crafted form of thousands costs CPU to parse. */
export const FORM_MAX_FIELDS = 32
/** Fields of an admin form: the queue's bulk form sends one `id` per comment and an action. */
export const ADMIN_FORM_MAX_FIELDS = MAX_BULK + 16
/** The admin API: a purge of 1,000 tags of 1,024 ASCII characters (its schema's most) is ~1,003 KiB. */
export const ADMIN_API_MAX_BYTES = 1024 * 1024

export interface BodyLimitOptions {
  maxBytes: number
  /** For urlencoded forms: the most fields, counted on the raw bytes before parsing. */
  maxFields?: number
  /** The 413 answer. */
  onTooLarge: (c: Context<AppEnv>) => Response | Promise<Response>
}

const AMPERSAND = 0x26

/** Whether the urlencoded `bytes` hold more than `max` fields; looks at most `max + 1` separators. */
function hasMoreFields(bytes: Uint8Array, max: number): boolean {
  let fields = 1
  for (let at = bytes.indexOf(AMPERSAND); at !== -1 && fields <= max; at = bytes.indexOf(AMPERSAND, at + 1)) fields++
  return fields > max
}

const isUrlEncoded = (c: Context) =>
  c.req.header('Content-Type')?.split(';')[0]!.trim().toLowerCase() === 'application/x-www-form-urlencoded'

/**
 * Refuses a body over `maxBytes` (hono's `bodyLimit`: it trusts Content-Length, which the
 * runtime's HTTP framing enforces, and counts a body streamed without one as it arrives, up to
 * the limit), and an urlencoded form of more than `maxFields` fields, with `onTooLarge`.
 */
export function limitBody({ maxBytes, maxFields, onTooLarge }: BodyLimitOptions): MiddlewareHandler<AppEnv> {
  const sized = bodyLimit({ maxSize: maxBytes, onError: onTooLarge })
  return async function limitBody(c, next) {
    return sized(c, async () => {
      // The bytes stay cached on the request: the route's own parse reads them again for free.
      if (maxFields !== undefined && isUrlEncoded(c) && hasMoreFields(await c.req.bytes(), maxFields)) {
        c.res = await onTooLarge(c)
        return
      }
      await next()
    })
  }
}

const kib = (bytes: number) => Math.round(bytes / 1024).toLocaleString('en-US')

/** The JSON 413, `{error:{code:'too_large',message}}`; `hint` says what fits. */
export function jsonTooLarge(maxBytes: number, hint: string) {
  const message = `The request body is larger than ${kib(maxBytes)} KiB, the most this endpoint takes; nothing of it was read. ${hint}`
  return (c: Context<AppEnv>) => apiError(c, { code: 'too_large', message })
}

/** The JSON 413 of the comment API. */
export const commentApiTooLarge = jsonTooLarge(
  COMMENT_MAX_BYTES,
  `A comment holds at most ${BODY_MAX.toLocaleString('en-US')} characters (body) and ${AUTHOR_MAX} (author).`,
)

/** A plain-text 413 in the site's language (the admin's forms, which answer bad forms in text). */
export function textTooLarge(maxBytes: number) {
  return (c: Context<AppEnv>) => {
    const ui = uiStrings(c.get('index').site.language).comments.tooLarge
    return c.text(`${ui.title}. ${ui.message(Math.round(maxBytes / 1024))}`, ERROR_STATUS.too_large)
  }
}

/** Every admin form (sign-in, moderation, a reply as the author: a reply is a comment). */
export const adminFormLimit = limitBody({
  maxBytes: COMMENT_MAX_BYTES,
  maxFields: ADMIN_FORM_MAX_FIELDS,
  onTooLarge: textTooLarge(COMMENT_MAX_BYTES),
})

/** The admin API (bearer token). */
export const adminApiLimit = limitBody({
  maxBytes: ADMIN_API_MAX_BYTES,
  onTooLarge: jsonTooLarge(ADMIN_API_MAX_BYTES, 'A purge takes at most 1,000 tags of 1,024 characters.'),
})
