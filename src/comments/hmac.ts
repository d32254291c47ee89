import { checkExpiring, signExpiring } from '../auth/expiring-token'
import { hmac, toHex } from '../auth/hmac'

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

/** The IP as stored: HMAC-SHA256 hex, so the address cannot be recovered by trying them all. */
export async function hashIp(secret: string, ip: string): Promise<string> {
  return toHex(await hmac(secret, `ip\n${ip}`))
}

const tokenMessage = (purpose: TokenPurpose, commentId: number) => (expires: number) =>
  `token\n${purpose}\n${commentId}\n${expires}`

/**
 * A URL-safe token for `purpose` on comment `commentId`, valid until `expiresAt` (unix ms, kept
 * to the second), in the format of src/auth/expiring-token.ts. The purpose and the id are signed
 * but not carried: the URL holds the id.
 */
export function signToken(secret: string, purpose: TokenPurpose, commentId: number, expiresAt: number): Promise<string> {
  return signExpiring(secret, tokenMessage(purpose, commentId), expiresAt)
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
  return (await checkExpiring(secret, token, tokenMessage(purpose, commentId), now)) === 'valid'
}
