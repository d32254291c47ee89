/**
 * HMAC-SHA256 with SIGNING_KEY (Web Crypto, so the same code runs in workerd and Node): the IP
 * digest stored with a comment, and the signed links a poster gets for their own comment. Every
 * message starts with a label, so a value signed for one use never verifies for another.
 */

/** How long a poster may edit or delete their comment. */
export const EDIT_WINDOW_MS = 15 * 60 * 1000
/** How long the poster's own link to a held comment keeps working. */
export const VIEW_TOKEN_TTL_MS = 30 * 24 * 60 * 60 * 1000

/** `view`: see one's own held comment; `edit`: edit or delete it. */
export type TokenPurpose = 'view' | 'edit'

const encoder = new TextEncoder()
const keys = new Map<string, Promise<CryptoKey>>()

function hmacKey(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret)
  if (!key) {
    key = crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
      'sign',
      'verify',
    ])
    keys.set(secret, key)
  }
  return key
}

async function sign(secret: string, message: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.sign('HMAC', await hmacKey(secret), encoder.encode(message)))
}

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')
}

function toBase64Url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[\w-]*$/.test(text)) return null
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'))
  return Uint8Array.from(binary, (ch) => ch.charCodeAt(0))
}

/** The IP as stored: HMAC-SHA256 hex, so the address cannot be recovered by trying them all. */
export async function hashIp(secret: string, ip: string): Promise<string> {
  return toHex(await sign(secret, `ip\n${ip}`))
}

function tokenMessage(purpose: TokenPurpose, commentId: number, expires: number): string {
  return `token\n${purpose}\n${commentId}\n${expires}`
}

/**
 * A URL-safe token for `purpose` on comment `commentId`, valid until `expiresAt` (unix ms, kept
 * to the second). The purpose and the id are signed but not carried: the URL holds the id.
 */
export async function signToken(
  secret: string,
  purpose: TokenPurpose,
  commentId: number,
  expiresAt: number,
): Promise<string> {
  const expires = Math.floor(expiresAt / 1000)
  const mac = await sign(secret, tokenMessage(purpose, commentId, expires))
  return `${expires.toString(36)}.${toBase64Url(mac)}`
}

/**
 * True when `token` was signed with `secret` for this purpose and comment and has not expired at
 * `now` (unix ms). The MAC is checked by `crypto.subtle.verify`, in constant time. Never throws.
 */
export async function verifyToken(
  secret: string,
  token: string,
  purpose: TokenPurpose,
  commentId: number,
  now: number,
): Promise<boolean> {
  const match = /^([0-9a-z]{1,10})\.([\w-]{43})$/.exec(token)
  if (!match) return false
  const expires = Number.parseInt(match[1]!, 36)
  const mac = fromBase64Url(match[2]!)
  // Only the canonical spelling is accepted: one token per (purpose, id, expiry).
  if (!mac || toBase64Url(mac) !== match[2] || expires.toString(36) !== match[1]) return false
  if (expires * 1000 <= now) return false
  const message = encoder.encode(tokenMessage(purpose, commentId, expires))
  return crypto.subtle.verify('HMAC', await hmacKey(secret), mac, message)
}
