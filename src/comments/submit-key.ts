import type { NewComment } from './types'

/** The same post, parent, author and body within this window store one comment. */
export const DUPLICATE_WINDOW_MS = 10 * 60 * 1000

type Keyed = Pick<NewComment, 'postSlug' | 'parentId' | 'authorName' | 'body'>

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('')
}

function keyFor(comment: Keyed, bucket: number): Promise<string> {
  // JSON keeps the fields apart: no choice of author and body can collide with another split.
  return sha256Hex(JSON.stringify([comment.postSlug, comment.parentId, comment.authorName, comment.body, bucket]))
}

/**
 * The submit key of a comment written at `at` (unix ms): a hash of post, parent, author and body
 * within a time bucket of DUPLICATE_WINDOW_MS. `previous` is the key the same submit had in the
 * bucket before, so the store can catch a double submit that straddles a bucket boundary.
 */
export async function submitKeys(comment: Keyed, at: number): Promise<{ current: string; previous: string }> {
  const bucket = Math.floor(at / DUPLICATE_WINDOW_MS)
  const [current, previous] = await Promise.all([keyFor(comment, bucket), keyFor(comment, bucket - 1)])
  return { current, previous }
}
