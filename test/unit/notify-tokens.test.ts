import { describe, expect, it } from 'vitest'
import { CONFIRM_TTL_MS, signConfirm, signUnsubscribe, verifyConfirm, verifyUnsubscribe } from '../../src/notify/tokens'
import { signToken } from '../../src/comments/hmac'

const KEY = 'unit-signing-key'
const NOW = Date.UTC(2026, 5, 1)

/** The token with one character of its MAC changed. */
function tamper(token: string): string {
  const i = token.length - 5
  return `${token.slice(0, i)}${token[i] === 'A' ? 'B' : 'A'}${token.slice(i + 1)}`
}

describe('unsubscribe tokens', () => {
  it('verify for exactly the subscription or address they were signed for', async () => {
    const one = await signUnsubscribe(KEY, { subscription: 7 })
    const all = await signUnsubscribe(KEY, { address: 7 })
    expect(await verifyUnsubscribe(KEY, one, { subscription: 7 })).toBe(true)
    expect(await verifyUnsubscribe(KEY, all, { address: 7 })).toBe(true)
    expect(await verifyUnsubscribe(KEY, one, { subscription: 8 })).toBe(false)
    expect(await verifyUnsubscribe(KEY, one, { address: 7 })).toBe(false)
    expect(await verifyUnsubscribe(KEY, all, { subscription: 7 })).toBe(false)
  })

  it('never expire', async () => {
    const token = await signUnsubscribe(KEY, { subscription: 1 })
    expect(token).toMatch(/^[\w-]{43}$/)
    expect(token).not.toContain('.')
  })

  it('refuse a tampered token, another key’s, and garbage, without throwing', async () => {
    const token = await signUnsubscribe(KEY, { subscription: 3 })
    expect(await verifyUnsubscribe(KEY, tamper(token), { subscription: 3 })).toBe(false)
    expect(await verifyUnsubscribe('another-key', token, { subscription: 3 })).toBe(false)
    for (const junk of ['', 'x', '%%%', `${token}=`, token.slice(1), '*'.repeat(43)]) {
      expect(await verifyUnsubscribe(KEY, junk, { subscription: 3 })).toBe(false)
    }
  })
})

describe('confirmation tokens', () => {
  it('are valid until they expire, then expired', async () => {
    const token = await signConfirm(KEY, { address: 5 }, NOW + CONFIRM_TTL_MS)
    expect(await verifyConfirm(KEY, token, { address: 5 }, NOW)).toBe('valid')
    expect(await verifyConfirm(KEY, token, { address: 5 }, NOW + CONFIRM_TTL_MS - 1000)).toBe('valid')
    expect(await verifyConfirm(KEY, token, { address: 5 }, NOW + CONFIRM_TTL_MS)).toBe('expired')
  })

  it('are invalid for another address, when tampered, or when the expiry is rewritten', async () => {
    const token = await signConfirm(KEY, { address: 5 }, NOW + CONFIRM_TTL_MS)
    expect(await verifyConfirm(KEY, token, { address: 6 }, NOW)).toBe('invalid')
    expect(await verifyConfirm(KEY, tamper(token), { address: 5 }, NOW)).toBe('invalid')
    const [, mac] = token.split('.')
    const later = Math.floor((NOW + 10 * CONFIRM_TTL_MS) / 1000).toString(36)
    expect(await verifyConfirm(KEY, `${later}.${mac}`, { address: 5 }, NOW)).toBe('invalid')
  })

  it('name one subscription or one address: a token for one never confirms the other', async () => {
    const token = await signConfirm(KEY, { subscription: 5 }, NOW + CONFIRM_TTL_MS)
    expect(await verifyConfirm(KEY, token, { subscription: 5 }, NOW)).toBe('valid')
    expect(await verifyConfirm(KEY, token, { address: 5 }, NOW)).toBe('invalid')
    expect(await verifyConfirm(KEY, await signConfirm(KEY, { address: 5 }, NOW + 1000), { subscription: 5 }, NOW)).toBe('invalid')
  })

  it('never read a forged token as merely expired', async () => {
    const old = await signConfirm('another-key', { address: 5 }, NOW - 1000)
    expect(await verifyConfirm(KEY, old, { address: 5 }, NOW)).toBe('invalid')
  })

  it('cannot pass for a comment’s own links, nor those for them', async () => {
    const comment = await signToken(KEY, 'view', 5, NOW + CONFIRM_TTL_MS)
    expect(await verifyConfirm(KEY, comment, { address: 5 }, NOW)).toBe('invalid')
  })
})
