import { describe, expect, it } from 'vitest'
import type { RuleMatch } from '../../src/comments/rules'
import { moderationDecision, type ModerationFacts } from '../../src/comments/spam'
import { DEFAULT_SITE } from '../../src/content/site-defaults'

const block: RuleMatch = { list: 'block', kind: 'words', entry: 'casino' }
const hold: RuleMatch = { list: 'hold', kind: 'ips', entry: '192.0.2.0/24' }

function facts(overrides: Partial<ModerationFacts> = {}): ModerationFacts & { asked: string[] } {
  const asked: string[] = []
  return {
    policy: { ...DEFAULT_SITE.comments, moderation: 'all' },
    trustedRequest: false,
    links: 0,
    isTrustedCommenter: async () => (asked.push('trusted'), true),
    isBanned: async () => (asked.push('banned'), false),
    ...overrides,
    asked,
  }
}

describe('moderationDecision with content rules and bans', () => {
  it('sends a comment matching a block rule to spam without asking D1 about bans', async () => {
    const f = facts({ rule: block })
    expect(await moderationDecision(f)).toEqual({ status: 'spam', heldReason: null })
    expect(f.asked).toEqual([])
  })

  it('sends a banned poster’s comment to spam, before a hold rule or the policy', async () => {
    expect(await moderationDecision(facts({ rule: hold, isBanned: async () => true }))).toEqual({ status: 'spam', heldReason: null })
    expect(await moderationDecision(facts({ policy: { ...DEFAULT_SITE.comments, moderation: 'hold' }, isBanned: async () => true })))
      .toMatchObject({ status: 'spam' })
  })

  it('holds a comment matching a hold rule with the reason "rule", even under moderation: all', async () => {
    expect(await moderationDecision(facts({ rule: hold }))).toEqual({ status: 'pending', heldReason: 'rule' })
  })

  it('lets an admin request through whatever the rules and bans say', async () => {
    const f = facts({ trustedRequest: true, rule: block, isBanned: async () => true })
    expect(await moderationDecision(f)).toEqual({ status: 'approved', heldReason: null })
  })

  it('without a rule or a ban, falls through to the links threshold and the policy', async () => {
    expect(await moderationDecision(facts({ links: 99 }))).toEqual({ status: 'pending', heldReason: 'too_many_links' })
    expect(await moderationDecision(facts())).toEqual({ status: 'approved', heldReason: null })
  })
})
