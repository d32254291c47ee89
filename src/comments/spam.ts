import type { CommentPolicy } from '../content/types'
import type { RuleMatch } from './rules'
import type { HeldReason } from './types'

/**
 * Anti-spam decisions for reader comments: the per-IP rate limit, Turnstile, and the moderation
 * status a new comment gets. The honeypot is the routes' (a filled one is dropped before this).
 */

/** Seconds a reader who hit the rate limit should wait (the binding's period, wrangler.toml). */
export const RATE_LIMIT_RETRY_SECONDS = 60

/**
 * Whether the poster behind `ipHmac` may post now. True without a limiter or without an IP
 * (Cloudflare always sends CF-Connecting-IP in production; only local tools lack it).
 */
export async function underRateLimit(limiter: RateLimit | undefined, ipHmac: string | null): Promise<boolean> {
  if (!limiter || !ipHmac) return true
  const { success } = await limiter.limit({ key: `comment:${ipHmac}` })
  return success
}

/**
 * Whether the poster may edit or delete a comment now: under the same per-IP key as posting (an
 * address gets one budget of writes), and under one key per comment, so that one edit link used
 * from many addresses is limited too. `commentKey` must name the comment uniquely.
 */
export async function underEditLimit(limiter: RateLimit | undefined, ipHmac: string | null, commentKey: string): Promise<boolean> {
  if (!limiter) return true
  if (!(await underRateLimit(limiter, ipHmac))) return false
  const { success } = await limiter.limit({ key: `edit:${commentKey}` })
  return success
}

export const TURNSTILE_VERIFY_URL = 'https://challenges.cloudflare.com/turnstile/v0/siteverify'

/** `passed`; `failed` (no token, or a token Cloudflare refused); `unavailable` (siteverify erred). */
export type TurnstileOutcome = 'passed' | 'failed' | 'unavailable'

/**
 * Verifies a Turnstile token with Cloudflare's siteverify, server-side. Fails closed: anything
 * but a clear `success: true` is not `passed`. Never throws.
 */
export async function verifyTurnstile(
  fetcher: typeof fetch,
  secret: string,
  token: string | null,
  ip: string | undefined,
): Promise<TurnstileOutcome> {
  if (!token) return 'failed'
  const form = new URLSearchParams({ secret, response: token })
  if (ip) form.set('remoteip', ip)
  try {
    const res = await fetcher(TURNSTILE_VERIFY_URL, { method: 'POST', body: form, signal: AbortSignal.timeout(5_000) })
    if (!res.ok) return 'unavailable'
    const outcome = (await res.json()) as { success?: unknown }
    return outcome.success === true ? 'passed' : 'failed'
  } catch {
    return 'unavailable'
  }
}

export interface ModerationFacts {
  policy: CommentPolicy
  /** An admin request (or the author's reply): published at once, no checks. */
  trustedRequest: boolean
  /** Links in the rendered comment. */
  links: number
  /** Whether an earlier comment with the same name and email was approved (asked only when needed). */
  isTrustedCommenter: () => Promise<boolean>
  /** The first content rule the comment matched (`matchRules`, rules.ts), if any. */
  rule?: RuleMatch | null
  /** Whether a ban covers the poster's IP HMAC or email (asked only when no rule blocked the comment). */
  isBanned?: () => Promise<boolean>
}

/**
 * The status a comment gets, and why when it is held. `spam` (a block rule, a ban) is never told
 * to the poster: they see what a held comment's poster sees.
 */
export type ModerationDecision =
  | { status: 'approved'; heldReason: null }
  | { status: 'pending'; heldReason: HeldReason }
  | { status: 'spam'; heldReason: null }

const APPROVED: ModerationDecision = { status: 'approved', heldReason: null }
const SPAM: ModerationDecision = { status: 'spam', heldReason: null }
const held = (heldReason: HeldReason): ModerationDecision => ({ status: 'pending', heldReason })

/**
 * The status a new or edited comment gets, and the reason shown in the queue when it is held, in
 * this order: approved for admin requests; spam when a `block` rule matched or a ban covers the
 * poster; held (`rule`) when a `hold` rule matched; held when it has more links than
 * `policy.maxLinks`; else by the policy (`all`, `hold`, or `first-time`: approved once the
 * commenter is trusted).
 */
export async function moderationDecision(facts: ModerationFacts): Promise<ModerationDecision> {
  const { policy } = facts
  if (facts.trustedRequest) return APPROVED
  if (facts.rule?.list === 'block') return SPAM
  if (await facts.isBanned?.()) return SPAM
  if (facts.rule?.list === 'hold') return held('rule')
  if (facts.links > policy.maxLinks) return held('too_many_links')
  if (policy.moderation === 'all') return APPROVED
  if (policy.moderation === 'hold') return held('held_by_policy')
  return (await facts.isTrustedCommenter()) ? APPROVED : held('first_time')
}

/** `moderationDecision` without the reason. */
export async function moderationStatus(facts: ModerationFacts): Promise<ModerationDecision['status']> {
  return (await moderationDecision(facts)).status
}
