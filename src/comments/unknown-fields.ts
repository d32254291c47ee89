import type { FieldsError } from '../errors'
import { API_FIELDS, HONEYPOT_FIELD } from './schema'

/**
 * Unknown keys in a JSON comment. Dropping them silently turned `parent_id` (the form's spelling)
 * into a top-level comment, so the API refuses them, naming each and the key it probably meant.
 */

/** The fields to tell clients about: the honeypot is a trap for bots, so it is never advertised. */
const ADVERTISED = API_FIELDS.filter((field) => field !== HONEYPOT_FIELD)

/** `parent_id`, `Parent-Id` and `parentid` all mean `parentId`. */
const loose = (key: string) => key.replace(/[-_\s]/g, '').toLowerCase()

function meant(key: string): string | undefined {
  return ADVERTISED.find((field) => loose(field) === loose(key))
}

/** "a", "b" and "c". */
function list(items: readonly string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)}` : (items[0] ?? '')
}

/** The answer names this many keys, each cut to KEY_SHOWN characters: it never echoes a body back. */
const KEYS_SHOWN = 10
const KEY_SHOWN = 64
const shown = (key: string) => (key.length > KEY_SHOWN ? `${key.slice(0, KEY_SHOWN)}…` : key)

/**
 * The API error (code `unknown_fields`, answered 400) for a JSON object with keys the API does
 * not take, named in `message` and in `fields` (the first KEYS_SHOWN of them, long keys cut);
 * null when there are none or when `value` is not an object (the schema refuses that).
 */
export function unknownApiFields(value: unknown): FieldsError | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null
  const unknown = Object.keys(value).filter((key) => !API_FIELDS.includes(key))
  if (unknown.length === 0) return null
  const named = unknown.slice(0, KEYS_SHOWN).map((key) => {
    const guess = meant(key)
    return guess ? `${JSON.stringify(shown(key))} (did you mean ${JSON.stringify(guess)}?)` : JSON.stringify(shown(key))
  })
  if (unknown.length > KEYS_SHOWN) named.push(`${unknown.length - KEYS_SHOWN} more`)
  // fromEntries defines own properties: a "__proto__" key stays a field instead of a prototype.
  const fields = Object.fromEntries(
    unknown.slice(0, KEYS_SHOWN).map((key) => {
      const guess = meant(key)
      return [shown(key), guess ? `Unknown field: did you mean ${JSON.stringify(guess)}?` : 'Unknown field.']
    }),
  )
  const noun = unknown.length > 1 ? 'fields' : 'field'
  return {
    code: 'unknown_fields',
    message: `Unknown ${noun} ${list(named)}. The API takes ${list(ADVERTISED)}.`,
    fields,
  }
}
