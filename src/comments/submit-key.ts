import { toHex } from '../auth/hmac'
import type { NewComment } from './types'

/** The same submitter sending the same comment within this window stores one comment. */
export const DUPLICATE_WINDOW_MS = 10 * 60 * 1000

type Keyed = Pick<NewComment, 'postSlug' | 'parentId' | 'authorName' | 'body' | 'ipHmac' | 'authorEmail'>

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))
  return toHex(new Uint8Array(digest))
}

function keyFor(comment: Keyed, bucket: number): Promise<string> {
  const { postSlug, parentId, authorName, body, ipHmac, authorEmail } = comment
  // JSON keeps the fields apart: no choice of author and body can collide with another split.
  return sha256Hex(JSON.stringify([postSlug, parentId, authorName, body, ipHmac, authorEmail?.toLowerCase() ?? null, bucket]))
}

/**
 * The submit key of a comment written at `at` (unix ms): a hash of post, parent, author, body and
 * the submitter (IP HMAC and email) within a time bucket of DUPLICATE_WINDOW_MS. `previous` is
 * the key the same submit had in the bucket before, so the store can catch a double submit that
 * straddles a bucket boundary.
 *
 * The submitter is in the key because a double submit answers with the first comment and its
 * poster's links: name and body are public, so a key of those alone let anyone who resent them
 * receive someone else's edit link. A double click or a retried POST comes from the same IP with
 * the same fields; anyone else, even behind the same IP without the poster's email, or with it
 * from another IP, gets a comment of their own. Without CF-Connecting-IP (local tools only) the
 * email alone tells submitters apart.
 */
export async function submitKeys(comment: Keyed, at: number): Promise<{ current: string; previous: string }> {
  const bucket = Math.floor(at / DUPLICATE_WINDOW_MS)
  const [current, previous] = await Promise.all([keyFor(comment, bucket), keyFor(comment, bucket - 1)])
  return { current, previous }
}
