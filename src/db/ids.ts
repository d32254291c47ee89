/**
 * A D1 row id (a comment's, an address's, a subscription's, an outbox row's) as URLs and forms
 * carry it: a positive integer in decimal, no sign, no leading zero, at most 15 digits. Fifteen
 * digits stay below `Number.MAX_SAFE_INTEGER` (16 digits), so every id that parses is exact:
 * a 16-digit one could be rounded to another row's id.
 */

/** The id as a Hono route parameter's pattern: `:id{${ID_PATTERN}}`. */
export const ID_PATTERN = '[1-9][0-9]{0,14}'

const ID = new RegExp(`^${ID_PATTERN}$`)

/** `text` as an id, or null when it is not a string spelling one exactly as above (a form's File, say). */
export function parseId(text: unknown): number | null {
  return typeof text === 'string' && ID.test(text) ? Number(text) : null
}
