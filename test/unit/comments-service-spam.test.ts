import { describe, expect, it } from 'vitest'
import { publicTags } from '../../src/comments/service'
import { CommentRejected } from '../../src/errors'
import { moderationDecision, moderationStatus, TURNSTILE_VERIFY_URL, underRateLimit, verifyTurnstile } from '../../src/comments/spam'
import { DEFAULT_SITE } from '../../src/content/site-defaults'
import type { CommentPolicy } from '../../src/content/types'

const policy = (overrides: Partial<CommentPolicy> = {}): CommentPolicy => ({ ...DEFAULT_SITE.comments, ...overrides })

describe('moderationStatus', () => {
  const facts = (overrides: Partial<Parameters<typeof moderationStatus>[0]> = {}) => ({
    policy: policy(),
    trustedRequest: false,
    links: 0,
    isTrustedCommenter: async () => false,
    ...overrides,
  })

  it('follows the policy: all approves, hold holds, first-time asks whether the commenter is trusted', async () => {
    expect(await moderationStatus(facts({ policy: policy({ moderation: 'all' }) }))).toBe('approved')
    expect(await moderationStatus(facts({ policy: policy({ moderation: 'hold' }), isTrustedCommenter: async () => true }))).toBe('pending')
    expect(await moderationStatus(facts({ policy: policy({ moderation: 'first-time' }) }))).toBe('pending')
    expect(await moderationStatus(facts({ policy: policy({ moderation: 'first-time' }), isTrustedCommenter: async () => true }))).toBe('approved')
  })

  it('holds a comment over the link threshold whatever the policy, and asks nothing more', async () => {
    let asked = false
    const status = await moderationStatus(
      facts({ policy: policy({ moderation: 'all', maxLinks: 3 }), links: 4, isTrustedCommenter: async () => (asked = true) }),
    )
    expect(status).toBe('pending')
    expect(asked).toBe(false)
    expect(await moderationStatus(facts({ policy: policy({ moderation: 'all', maxLinks: 3 }), links: 3 }))).toBe('approved')
  })

  it('approves an admin request (or the author’s reply) at once', async () => {
    expect(await moderationStatus(facts({ policy: policy({ moderation: 'hold', maxLinks: 0 }), links: 9, trustedRequest: true }))).toBe('approved')
  })
})

describe('moderationDecision', () => {
  const facts = { policy: policy({ maxLinks: 2 }), trustedRequest: false, links: 0, isTrustedCommenter: async () => false }

  it('says why a comment is held: too many links first, then the policy', async () => {
    expect(await moderationDecision({ ...facts, links: 3 })).toEqual({ status: 'pending', heldReason: 'too_many_links' })
    expect(await moderationDecision({ ...facts, policy: policy({ moderation: 'hold' }) })).toEqual({ status: 'pending', heldReason: 'held_by_policy' })
    expect(await moderationDecision({ ...facts, policy: policy({ moderation: 'first-time' }) })).toEqual({ status: 'pending', heldReason: 'first_time' })
  })

  it('gives no reason to an approved comment', async () => {
    expect(await moderationDecision({ ...facts, policy: policy({ moderation: 'all' }) })).toEqual({ status: 'approved', heldReason: null })
    expect(await moderationDecision({ ...facts, links: 9, trustedRequest: true })).toEqual({ status: 'approved', heldReason: null })
  })
})

describe('verifyTurnstile', () => {
  /** Cloudflare's siteverify, faked (a third-party API): records the forms it was sent. */
  function siteverify(answer: () => Response | Promise<Response>) {
    const sent: Array<{ url: string; form: Record<string, string> }> = []
    const fetcher = (async (input: RequestInfo | URL, init?: RequestInit) => {
      sent.push({ url: String(input), form: Object.fromEntries(new URLSearchParams(String(init?.body))) })
      return answer()
    }) as typeof fetch
    return { fetcher, sent }
  }

  it('passes only on success: true, sending the secret, the token and the address', async () => {
    const { fetcher, sent } = siteverify(() => Response.json({ success: true }))
    expect(await verifyTurnstile(fetcher, 's3cret', 'tok', '192.0.2.1')).toBe('passed')
    expect(sent).toEqual([{ url: TURNSTILE_VERIFY_URL, form: { secret: 's3cret', response: 'tok', remoteip: '192.0.2.1' } }])
  })

  it('fails without a token, without asking Cloudflare', async () => {
    const { fetcher, sent } = siteverify(() => Response.json({ success: true }))
    expect(await verifyTurnstile(fetcher, 's', null, undefined)).toBe('failed')
    expect(sent).toHaveLength(0)
  })

  it('fails closed: a refusal fails, and an error, a non-2xx or a strange answer is "unavailable"', async () => {
    const cases: Array<[() => Response | Promise<Response>, string]> = [
      [() => Response.json({ success: false }), 'failed'],
      [() => Response.json({ success: 'true' }), 'failed'],
      [() => new Response('oops', { status: 500 }), 'unavailable'],
      [() => new Response('<html>', { status: 200 }), 'unavailable'],
      [() => Promise.reject(new TypeError('fetch failed')), 'unavailable'],
    ]
    for (const [answer, outcome] of cases) {
      expect(await verifyTurnstile(siteverify(answer).fetcher, 's', 'tok', undefined)).toBe(outcome)
    }
  })
})

describe('underRateLimit', () => {
  it('asks the limiter under a key derived from the IP digest, and lets everything through without one', async () => {
    const keys: string[] = []
    const limiter = { limit: async ({ key }: { key: string }) => ({ success: (keys.push(key), keys.length <= 1) }) } as RateLimit
    expect(await underRateLimit(limiter, 'abc')).toBe(true)
    expect(await underRateLimit(limiter, 'abc')).toBe(false)
    expect(keys).toEqual(['comment:abc', 'comment:abc'])
    expect(await underRateLimit(undefined, 'abc')).toBe(true)
    expect(await underRateLimit(limiter, null)).toBe(true)
    expect(keys).toHaveLength(2)
  })
})

describe('the service’s contract', () => {
  it('purges the post’s pages and the lists when a comment becomes public', () => {
    expect(publicTags('café')).toEqual(['post:café', 'list'])
  })

  it('maps each refusal to its HTTP status', () => {
    const statuses = (['comments_closed', 'parent_unknown', 'reserved_name', 'rate_limited', 'challenge_failed', 'challenge_unavailable'] as const).map(
      (code) => new CommentRejected(code).status,
    )
    expect(statuses).toEqual([403, 422, 422, 429, 403, 503])
  })
})
