/**
 * HMAC-SHA256 primitives with Web Crypto (the same code runs in workerd and Node), shared by the
 * comment links (src/comments/hmac.ts) and the email links (src/notify/tokens.ts). Callers
 * start every message with a label of their own, so a MAC made for one use never verifies for
 * another.
 */

const encoder = new TextEncoder()
const keys = new Map<string, Promise<CryptoKey>>()

function hmacKey(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret)
  if (!key) {
    key = crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify'])
    keys.set(secret, key)
  }
  return key
}

/** The raw MAC of `message`. */
export async function hmac(secret: string, message: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.sign('HMAC', await hmacKey(secret), encoder.encode(message)))
}

/** Lowercase hex, two digits a byte: the one hex encoder (MACs, digests, ETags). */
export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')
}

/** The first 128 bits of the SHA-256 of `data` (a string as UTF-8), in hex: the ETags, stored pages' `html_hash`. */
export async function digest128(data: BufferSource | string): Promise<string> {
  const bytes = typeof data === 'string' ? encoder.encode(data) : data
  return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)).subarray(0, 16))
}

export function toBase64Url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/** The MAC of `message`, base64url without padding (43 characters). */
export async function macBase64Url(secret: string, message: string): Promise<string> {
  return toBase64Url(await hmac(secret, message))
}

/**
 * True when `given` is the base64url MAC of `message`, in its one canonical spelling; checked
 * by `crypto.subtle.verify`, in constant time. Never throws.
 */
export async function macMatches(secret: string, message: string, given: string): Promise<boolean> {
  if (!/^[\w-]{43}$/.test(given)) return false
  const bytes = Uint8Array.from(atob(given.replace(/-/g, '+').replace(/_/g, '/')), (ch) => ch.charCodeAt(0))
  if (toBase64Url(bytes) !== given) return false
  return crypto.subtle.verify('HMAC', await hmacKey(secret), bytes, encoder.encode(message)).catch(() => false)
}
