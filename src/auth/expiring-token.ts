import { macBase64Url, macMatches } from './hmac'

/**
 * The one format of expiring signed tokens (a poster's comment links, an email's confirmation
 * link): `<expiry>.<mac>`, the expiry in unix seconds written in base 36, then the base64url
 * MAC (43 characters) of `message(expiry)`. The message names the purpose and the subject (a
 * comment, an address), which the token does not carry: the URL does. Links already sent by
 * email hold this format, so it must not change.
 */

/** Builds the signed message for an expiry (unix seconds); it starts with the caller's own label. */
export type ExpiringMessage = (expires: number) => string

export type ExpiringCheck = 'valid' | 'expired' | 'invalid'

const TOKEN = /^([0-9a-z]{1,10})\.([\w-]{43})$/

/** A token valid until `expiresAt` (unix ms, kept to the second). */
export async function signExpiring(secret: string, message: ExpiringMessage, expiresAt: number): Promise<string> {
  const expires = Math.floor(expiresAt / 1000)
  return `${expires.toString(36)}.${await macBase64Url(secret, message(expires))}`
}

/**
 * `valid`, `expired` (signed by us for this message, but its time has passed at `now`, unix ms)
 * or `invalid` (forged, tampered, signed for another message, or not in the one canonical
 * spelling). The MAC is checked first, in constant time, so a forged token never reads as merely
 * expired. Never throws.
 */
export async function checkExpiring(secret: string, token: string, message: ExpiringMessage, now: number): Promise<ExpiringCheck> {
  const match = TOKEN.exec(token)
  if (!match) return 'invalid'
  const expires = Number.parseInt(match[1]!, 36)
  // Only the canonical spelling is accepted: one token per (message, expiry).
  if (expires.toString(36) !== match[1]) return 'invalid'
  const authentic = await macMatches(secret, message(expires), match[2]!).catch(() => false)
  if (!authentic) return 'invalid'
  return expires * 1000 > now ? 'valid' : 'expired'
}
