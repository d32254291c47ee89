import { LIST_TAG, postTag } from '../cache/tags'
import type { DiscussionHost } from '../content/discussion-host'
import type { SiteConfig } from '../content/types'
import { CommentRejected } from '../errors'
import { COMMENT_RENDER_VERSION, countLinks, renderComment } from '../markdown/comment'
import { newCommentStatements } from '../notify'
import { avatarKey } from './avatar'
import { isBanned } from './bans-store'
import { commentsOpen } from './closing'
import { hashIp } from './hmac'
import { isReservedName, type Confusables } from './reserved-name'
import { linkHosts } from './link-hosts'
import { matchRules } from './rules'
import type { CommentInput } from './schema'
import { moderationDecision, underRateLimit, verifyTurnstile } from './spam'
import { getComment, insertComment, isTrustedCommenter } from './store'
import type { CommentRow, NewComment } from './types'

/** What creating a comment needs from the Worker: bindings and secrets, never a request. */
export interface CommentDeps {
  db: D1Database
  /** SIGNING_KEY: the IP's HMAC and the poster's signed links. */
  signingKey: string
  /** When set, readers' comments need a Turnstile token that siteverify accepts. */
  turnstileSecret?: string
  /** The per-IP limit (the `COMMENT_RATE_LIMIT` binding); none when absent. */
  rateLimiter?: RateLimit
  /** For siteverify (default: the global fetch). */
  fetch?: typeof fetch
  /** Purges cache tags (`purgeTags` bound to the request); called after a write made something public. */
  purge?: (tags: string[]) => Promise<unknown>
  /** Tries the emails about these comments once, after the response (`waitUntil`); else the cron sends them. */
  deliver?: (commentIds: number[]) => void
  /** WEBHOOK_URL is set: each new comment also queues the author's webhook alert (src/notify/webhook.ts). */
  webhook?: boolean
  /** The table names are folded with to find look-alikes of the author's (`loadConfusables`). */
  confusables: () => Promise<Confusables>
}

/** A validated submission: the schema's output (the honeypot is the route's business). */
export type CommentSubmission = Omit<CommentInput, 'honeypot' | 'turnstileToken'> & { turnstileToken?: string | null }

export interface CreateOptions {
  /** The post or page commented on, already found public by the caller (`publicHost`). */
  host: Pick<DiscussionHost, 'slug' | 'comments' | 'date' | 'closeAfterDays'>
  site: SiteConfig
  /** CF-Connecting-IP; stored only as its HMAC, and the rate-limit key. */
  ip?: string
  /** A request with an admin credential: no rate limit, no Turnstile, no reserved name, approved. */
  isAdmin: boolean
  /** The blog author's reply (admin): named `site.author`, badge, approved, no IP; allowed on closed posts. */
  asAuthor?: boolean
  now?: Date
}

export interface CreateResult {
  /** The stored row (private fields included: never send it to readers as is). */
  comment: CommentRow
  /** False for a double submit (same submitter, see `submitKeys`): `comment` is the one stored first. */
  created: boolean
  /** The comment is approved: readers see it, and its pages were purged. */
  public: boolean
}

/**
 * The cache tags a comment on the thread `slug` makes stale when it becomes (or stops being)
 * public: its pages' (`postTag(slug)`, which `writePurge` turns into a page's tag when the
 * thread is a page's: `hostTags`) and the lists (comment counts, the site's comment feed).
 */
export function publicTags(slug: string): string[] {
  return [postTag(slug), LIST_TAG]
}

/**
 * Creates a comment on `options.host`, in the fixed order: rules (comments open, by
 * `comments: false` or by age, rate limit, Turnstile, reserved name, parent in the same post and
 * visible), render and sanitize once, moderation status (`moderationDecision`: content rules,
 * bans, links, policy; a spam status is never told to the poster), one atomic insert with the
 * emails it causes (a double submit from the same IP and email returns the first comment with
 * `created: false`), then, when the comment is public, `deps.purge(publicTags(slug))`, and
 * `deps.deliver` for the emails.
 *
 * Throws `CommentRejected` for a rule (4xx, or 503 when siteverify is down); any other error is a
 * storage failure (the caller answers 503). Admin requests skip the spam rules and are approved;
 * `asAuthor` writes the blog author's reply (name `site.author`, badge, no IP).
 */
export async function createComment(
  deps: CommentDeps,
  input: CommentSubmission,
  options: CreateOptions,
): Promise<CreateResult> {
  const { host, site } = options
  const trustedRequest = options.isAdmin || options.asAuthor === true
  const now = options.now ?? new Date()
  if (!commentsOpen(host, site, now) && !options.asAuthor) throw new CommentRejected('comments_closed')
  const ipHmac = options.ip && !options.asAuthor ? await hashIp(deps.signingKey, options.ip) : null
  if (!trustedRequest) await checkSpam(deps, input, options.ip, ipHmac)

  const authorName = options.asAuthor ? site.author : input.author
  // The author's own reply needs no look-up: it is the author's name, and trusted.
  const reserved = !options.asAuthor && isReservedName(authorName, site.author, await deps.confusables())
  if (reserved && !trustedRequest) throw new CommentRejected('reserved_name', 'author')
  if (input.parentId !== null) await checkParent(deps.db, input.parentId, host.slug, trustedRequest)

  const bodyHtml = renderComment(input.body)
  // The content rules see the raw IP here, before and apart from its HMAC; it is never stored.
  const subject = { name: authorName, email: input.email, body: input.body, linkHosts: linkHosts(bodyHtml), ip: options.ip }
  const { status, heldReason } = await moderationDecision({
    policy: site.comments,
    trustedRequest,
    links: countLinks(bodyHtml),
    isTrustedCommenter: () => isTrustedCommenter(deps.db, authorName, input.email),
    rule: trustedRequest ? null : matchRules(site.comments, subject),
    isBanned: () => isBanned(deps.db, ipHmac, input.email),
  })
  const stored: NewComment = {
    postSlug: host.slug,
    parentId: input.parentId,
    authorName,
    authorEmail: input.email,
    body: input.body,
    bodyHtml,
    renderVersion: COMMENT_RENDER_VERSION,
    status,
    heldReason,
    createdAt: now.getTime(),
    ipHmac,
    // An admin signed in and posting under the author's name is the author.
    isAuthor: options.asAuthor === true || (options.isAdmin && reserved),
    notify: input.notify,
  }
  if (!stored.isAuthor) stored.avatarKey = await avatarKey(deps.signingKey, { email: input.email, name: authorName })
  // The comment and the emails it causes (src/notify) are stored in one batch, or neither. Spam
  // (a block rule, a ban) causes none: no notice to the author, no confirmation to its address.
  const notices = status === 'spam' ? undefined : await newCommentStatements(deps.db, stored, site, stored.createdAt, { webhook: deps.webhook })
  const { comment, created } = await insertComment(deps.db, stored, notices)
  // Acts on the stored status, not on `created`: a retried write whose answer was lost is public too.
  const isPublic = comment.status === 'approved'
  if (isPublic) await purgeQuietly(deps, publicTags(host.slug))
  deps.deliver?.([comment.id])
  return { comment, created, public: isPublic }
}

async function checkSpam(deps: CommentDeps, input: CommentSubmission, ip: string | undefined, ipHmac: string | null) {
  if (!(await underRateLimit(deps.rateLimiter, ipHmac))) throw new CommentRejected('rate_limited')
  if (!deps.turnstileSecret) return
  const outcome = await verifyTurnstile(deps.fetch ?? fetch, deps.turnstileSecret, input.turnstileToken ?? null, ip)
  if (outcome === 'failed') throw new CommentRejected('challenge_failed')
  if (outcome === 'unavailable') throw new CommentRejected('challenge_unavailable')
}

/** The parent must be a visible comment of the same post (an admin may also answer a held one). */
async function checkParent(db: D1Database, parentId: number, slug: string, trustedRequest: boolean) {
  const parent = await getComment(db, parentId)
  const visible = parent?.status === 'approved' || (trustedRequest && parent?.status === 'pending')
  if (!parent || parent.postSlug !== slug || !visible) throw new CommentRejected('parent_unknown', 'parent')
}

/** A failed purge must not turn a stored comment into an error: the edge max-age bounds staleness. */
export async function purgeQuietly(deps: Pick<CommentDeps, 'purge'>, tags: string[]): Promise<void> {
  try {
    await deps.purge?.(tags)
  } catch (error) {
    console.error('cache purge failed', tags, error)
  }
}
