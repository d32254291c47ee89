import type { DiscussionHost } from '../content/discussion-host'
import { CommentRejected } from '../errors'
import { renderComment } from '../markdown/comment'
import { hashIp } from './hmac'

/**
 * A comment's preview: the HTML it would be stored with, from the one renderer and sanitizer
 * (`renderComment`), with nothing written. Rendering costs CPU, so an address gets a budget of
 * previews of its own (the `COMMENT_RATE_LIMIT` binding under another key: previewing never uses
 * up the posts, and a flood of previews is stopped like a flood of posts).
 */

export interface PreviewDeps {
  signingKey: string
  rateLimiter?: RateLimit
}

export interface PreviewOptions {
  host: Pick<DiscussionHost, 'comments'>
  /** CF-Connecting-IP: the rate-limit key, as its HMAC. */
  ip?: string
  /** An admin request: no limit. */
  isAdmin: boolean
}

/**
 * The sanitized HTML of `body` as a comment on `options.host`. Throws `CommentRejected`:
 * `comments_closed` when the post or page takes no comments, `rate_limited` past the address's budget.
 * Stores nothing.
 */
export async function previewComment(deps: PreviewDeps, body: string, options: PreviewOptions): Promise<string> {
  if (!options.host.comments) throw new CommentRejected('comments_closed')
  if (!options.isAdmin && deps.rateLimiter && options.ip) {
    const { success } = await deps.rateLimiter.limit({ key: `preview:${await hashIp(deps.signingKey, options.ip)}` })
    if (!success) throw new CommentRejected('rate_limited')
  }
  return renderComment(body)
}
