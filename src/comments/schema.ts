import * as z from 'zod'
import { parseId } from '../db/ids'
import type { NotifyWish } from './types'

/**
 * Comment input from the HTML form and from the JSON API (fields in the README's "Addresses"),
 * validated into one shape.
 * Name and body are kept exactly as sent (only their length is measured trimmed), so what is
 * stored is what was typed; anything that cannot be stored or served exactly is refused instead.
 */

export const AUTHOR_MAX = 100
export const BODY_MAX = 10_000
/** RFC 5321's limit on a forward path. */
export const EMAIL_MAX = 254
/** Honeypot: hidden from people; a bot that fills it is dropped quietly by the route. */
export const HONEYPOT_FIELD = 'website'
/** Where the Turnstile widget puts its token in a form. */
export const TURNSTILE_FIELD = 'cf-turnstile-response'

/** A validated comment submission. */
export interface CommentInput {
  author: string
  email: string | null
  body: string
  parentId: number | null
  notify: NotifyWish | null
  /** The honeypot's content: not empty means a bot. */
  honeypot: string
  turnstileToken: string | null
}

// ES2024 (workerd and Node 22 have it; the project's TS lib is ES2023).
const isWellFormed = (text: string) => (text as string & { isWellFormed(): boolean }).isWellFormed()

function codePoints(text: string): number {
  let count = 0
  for (const _ of text) count++
  return count
}

/** Nothing a reader could see: spaces, zero-width and other invisible characters only. */
const isBlank = (text: string) => !/[^\p{White_Space}\p{Cf}\p{Default_Ignorable_Code_Point}]/u.test(text)

const format = (n: number) => n.toLocaleString('en-US')
/**
 * What a name may not hold. A name is one line (it goes into email subjects): C0 and C1 controls
 * (CR, LF, VT, FF and NEL among them) and the line and paragraph separators U+2028 and U+2029
 * (categories Zl and Zp, which are not controls), i.e. every mandatory line break of UAX #14.
 * And bidi overrides, which can make a name read as another.
 */
const NAME_CONTROLS = /[\p{Cc}\p{Zl}\p{Zp}\u202a-\u202e\u2066-\u2069]/u
/** Characters XML 1.0 cannot carry (the comment feed): C0 controls but tab and newlines, U+FFFE/F. */
const BODY_CONTROLS = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/

/** A required text field kept as sent: well-formed, something visible, no forbidden controls. */
function plainText(max: number, controls: RegExp, messages: { empty: string; broken: string; controls: string; long: string }) {
  return z.string({ error: messages.empty }).superRefine((value, ctx) => {
    const length = codePoints(value.trim())
    const message = !isWellFormed(value)
      ? messages.broken
      : isBlank(value)
        ? messages.empty
        : controls.test(value)
          ? messages.controls
          : length > max
            ? `${messages.long} (it has ${format(length)}).`
            : null
    if (message) ctx.addIssue({ code: 'custom', message })
  })
}

const author = plainText(AUTHOR_MAX, NAME_CONTROLS, {
  empty: 'Enter your name.',
  broken: 'Your name contains a broken character (half of an emoji or symbol); retype it.',
  controls: 'Your name cannot contain line breaks or invisible control characters; remove them.',
  long: `Shorten your name to ${AUTHOR_MAX} characters or fewer`,
})

const body = plainText(BODY_MAX, BODY_CONTROLS, {
  empty: 'Write your comment.',
  broken: 'Your comment contains a broken character (half of an emoji or symbol); retype or remove it.',
  controls: 'Your comment contains invisible control characters (such as terminal escape codes); remove them.',
  long: `Shorten your comment to ${format(BODY_MAX)} characters or fewer`,
})

const EMAIL_MESSAGE = 'Enter a valid email address (like name@example.com), or leave it empty.'
const emailFormat = z.email()
/** Optional: an empty string is no email. Trimmed, since it is never shown and only used to write. */
const email = z
  .string({ error: EMAIL_MESSAGE })
  .trim()
  .refine((value) => value === '' || (value.length <= EMAIL_MAX && emailFormat.safeParse(value).success), EMAIL_MESSAGE)
  .transform((value) => value || null)
  .optional()

const PARENT_MESSAGE = 'The comment you are replying to is unknown; reload the page and reply again.'
const NOTIFY_MESSAGE = 'Choose "replies" or "post" to be notified, or leave notifications off.'
const NOTIFY_NEEDS_EMAIL = 'Enter your email address to be notified, or turn notifications off.'

function requireEmailForNotify(value: { email?: string | null; notify?: unknown }, ctx: z.RefinementCtx): void {
  if (value.notify && !value.email) {
    ctx.addIssue({ code: 'custom', path: ['email'], message: NOTIFY_NEEDS_EMAIL })
  }
}

/** The HTML form: every field a string, empty meaning absent. */
export const commentFormSchema = z
  .object(
    {
      author,
      email,
      body,
      parent_id: z
        .string({ error: PARENT_MESSAGE })
        .refine((text) => text === '' || parseId(text) !== null, PARENT_MESSAGE)
        .optional(),
      notify: z.enum(['', 'replies', 'post'], { error: NOTIFY_MESSAGE }).optional(),
      [HONEYPOT_FIELD]: z.string().optional(),
      [TURNSTILE_FIELD]: z.string().optional(),
    },
    { error: 'Send the comment form.' },
  )
  .superRefine(requireEmailForNotify)
  .transform(
    (form): CommentInput => ({
      author: form.author,
      email: form.email ?? null,
      body: form.body,
      parentId: parseId(form.parent_id),
      notify: form.notify || null,
      honeypot: form[HONEYPOT_FIELD] ?? '',
      turnstileToken: form[TURNSTILE_FIELD] || null,
    }),
  )

const apiObject = z.object(
  {
    author,
    email: email.nullable(),
    body,
    parentId: z.number({ error: PARENT_MESSAGE }).int(PARENT_MESSAGE).positive(PARENT_MESSAGE)
      .max(Number.MAX_SAFE_INTEGER, PARENT_MESSAGE).nullable().optional(),
    notify: z.union([z.boolean(), z.enum(['replies', 'post'])], { error: NOTIFY_MESSAGE }).nullable().optional(),
    [HONEYPOT_FIELD]: z.string().optional(),
    turnstileToken: z.string().optional(),
  },
  { error: 'Send a JSON object with at least "author" and "body".' },
)

/** The keys of a JSON API body, the honeypot included (`unknownApiFields` refuses any other). */
export const API_FIELDS: readonly string[] = Object.keys(apiObject.shape)

/**
 * The JSON API: `{author, email?, body, parentId?, notify?}`, notify `true` meaning "replies".
 * Keys it does not know are stripped here: the route refuses them first (`unknownApiFields`).
 */
export const commentApiSchema = apiObject
  .superRefine(requireEmailForNotify)
  .transform(
    (api): CommentInput => ({
      author: api.author,
      email: api.email ?? null,
      body: api.body,
      parentId: api.parentId ?? null,
      notify: api.notify === true ? 'replies' : api.notify || null,
      honeypot: api[HONEYPOT_FIELD] ?? '',
      turnstileToken: api.turnstileToken || null,
    }),
  )
