import * as z from 'zod'
import { hasUiStrings, UI_LANGUAGES } from '../i18n'
import { isValidSlug, slugify, tagSlug } from './slug'
import { canonicalTimeZone, DATE_FORMAT_HINT, parseZonedDate } from './zoned-date'

/**
 * Field schemas for what authors write. Each fails with a message that says what is wrong with
 * the value and how to fix it; `describeIssues` (schema.ts) prefixes the file and the field.
 */

/** A value as the author wrote it, for messages: strings quoted, lists and mappings named. */
export function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value)
  if (Array.isArray(value)) return 'a list'
  if (value !== null && typeof value === 'object') return 'a mapping'
  return String(value)
}

/**
 * A field read by `parse` (null when the value is unusable), failing with `problem(value)`, or
 * with `is missing (<hint>)` when the key is absent and required.
 */
function parsedWith<T>(parse: (value: unknown) => T | null, problem: (value: unknown) => string, hint = '') {
  return z.unknown().transform((value, ctx) => {
    const parsed = value === undefined ? null : parse(value)
    if (parsed !== null) return parsed
    ctx.issues.push({ code: 'custom', input: value, message: value === undefined ? `is missing (${hint})` : problem(value) })
    return z.NEVER
  })
}

const stringOr = <T>(parse: (value: string) => T | null) => (value: unknown) => (typeof value === 'string' ? parse(value) : null)

/** Non-empty text, trimmed; `hint` says what to write when it is missing or empty. */
export const text = (hint = 'write some text') =>
  z
    .string({
      error: (iss) => (iss.input === undefined ? `is missing (${hint})` : `${show(iss.input)} must be text (put it in quotes)`),
    })
    .trim()
    .min(1, `is empty (${hint})`)

/** `true` or `false` (YAML's `yes` is a string in its core schema, so it is refused). */
export const bool = () => z.boolean({ error: (iss) => `must be true or false, not ${show(iss.input)}` })

/** A whole number within `min`..`max`. */
export const wholeNumber = (min: number, max: number) => {
  const message = `must be a whole number from ${min} to ${max}`
  return z
    .number({ error: (iss) => `${message}, not ${show(iss.input)}` })
    .int(message)
    .min(min, message)
    .max(max, message)
}

/** A BCP 47 language tag, canonicalized (`pt-br` → `pt-BR`). */
export const languageTag = () =>
  parsedWith(
    stringOr((value) => {
      if (!/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(value)) return null
      try {
        return Intl.getCanonicalLocales(value)[0] ?? null
      } catch {
        return null
      }
    }),
    (value) => `${show(value)} is not a language tag (use a BCP 47 tag such as en, fr or pt-BR)`,
  )

/**
 * A language tag Palabre has UI strings for (`fr`, `fr-CA`): the site's own language, in which
 * every page's navigation, dates and forms are written.
 */
export const uiLanguage = () =>
  languageTag().refine(hasUiStrings, {
    error: (iss) =>
      `${show(iss.input)} is not a language Palabre's pages come in (use ${UI_LANGUAGES.join(' or ')}, with a region if you like, such as fr-CA; a post written in another language sets its own lang:)`,
  })

/** A date or date-time (see `parseZonedDate`), as an ISO 8601 UTC instant. */
export const date = (timeZone: string, hint = '') =>
  parsedWith(
    stringOr((value) => parseZonedDate(value, timeZone)),
    (value) => `${show(value)} is not a date (${DATE_FORMAT_HINT})`,
    hint,
  )

/** A post slug already in slug form; the message suggests the slug form of what was written. */
export const postSlug = () =>
  z.string({ error: (iss) => `${show(iss.input)} must be text` }).refine(isValidSlug, {
    error: (iss) => {
      const suggestion = slugify(String(iss.input))
      return `${show(iss.input)} is not a valid slug (${suggestion ? `use ${show(suggestion)}: ` : ''}lowercase letters, digits and -)`
    },
  })

/** A tag: text with at least one letter or digit, so it has a URL (`tagSlug`). */
export const tag = () =>
  z
    .string({ error: (iss) => `${show(iss.input)} must be text (put it in quotes)` })
    .trim()
    .refine((value) => tagSlug(value) !== '', {
      error: (iss) => `${show(iss.input)} has no letter or digit to make the tag's URL from`,
    })

/** A root path (`/media/x.png`, not `//host/x`) or an absolute http(s) URL. */
export const imageUrl = () =>
  z.string({ error: (iss) => `${show(iss.input)} must be text` }).refine(
    (value) => /^\/[^/]/.test(value) || /^https?:\/\/[^/\s]+/i.test(value),
    { error: (iss) => `${show(iss.input)} must be a root path such as /media/cover.png or an absolute http(s) URL` },
  )

/** An IANA time zone Intl knows, canonicalized (`europe/paris` → `Europe/Paris`). */
export const timeZoneName = () =>
  parsedWith(
    stringOr(canonicalTimeZone),
    (value) => `${show(value)} is not an IANA time zone (use a name such as Europe/Paris, America/New_York or UTC)`,
  )

/** An absolute http(s) URL without query or fragment, stored without a trailing slash. */
export const baseUrl = () =>
  parsedWith(
    stringOr((value) => {
      const url = URL.canParse(value) ? new URL(value) : null
      if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.search || url.hash) return null
      return `${url.origin}${url.pathname.replace(/\/+$/, '')}`
    }),
    (value) => `${show(value)} is not an absolute http(s) URL (write it like https://blog.example.com)`,
  )

/** An email address, alone or with a display name (`Blog <blog@example.com>`). */
export const emailFrom = () =>
  text('write an address such as "Blog <blog@example.com>"').refine(
    (value) => /^(?:[^<>]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/.test(value),
    { error: (iss) => `${show(iss.input)} is not an email address (write it like "Blog <blog@example.com>")` },
  )
