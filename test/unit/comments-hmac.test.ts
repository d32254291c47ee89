import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { EDIT_WINDOW_MS, hashIp, signToken, verifyToken } from '../../src/comments/hmac'

const KEY = 'test-signing-key'
const NOW = Date.UTC(2026, 10, 27, 12, 0, 0)

describe('hashIp', () => {
  it('gives a stable 64-hex-digit HMAC per key', async () => {
    const digest = await hashIp(KEY, '203.0.113.7')
    expect(digest).toMatch(/^[0-9a-f]{64}$/)
    expect(await hashIp(KEY, '203.0.113.7')).toBe(digest)
    expect(await hashIp('another-key', '203.0.113.7')).not.toBe(digest)
    expect(await hashIp(KEY, '203.0.113.8')).not.toBe(digest)
  })

  it('is not a plain hash of the address', async () => {
    const plain = createHash('sha256').update('203.0.113.7').digest('hex')
    expect(await hashIp(KEY, '203.0.113.7')).not.toBe(plain)
  })
})

describe('signed comment tokens', () => {
  const expires = NOW + EDIT_WINDOW_MS

  it('verifies for the purpose and comment it was signed for, until it expires', async () => {
    const token = await signToken(KEY, 'edit', 42, expires)
    expect(token).toMatch(/^[0-9a-z]+\.[\w-]{43}$/)
    expect(await verifyToken(KEY, token, 'edit', 42, NOW)).toBe(true)
    expect(await verifyToken(KEY, token, 'edit', 42, expires - 1000)).toBe(true)
  })

  it('refuses an expired token', async () => {
    const token = await signToken(KEY, 'edit', 42, expires)
    expect(await verifyToken(KEY, token, 'edit', 42, expires)).toBe(false)
    expect(await verifyToken(KEY, token, 'edit', 42, expires + 60_000)).toBe(false)
  })

  it('refuses a token for another purpose, comment or key', async () => {
    const token = await signToken(KEY, 'view', 42, expires)
    expect(await verifyToken(KEY, token, 'edit', 42, NOW)).toBe(false)
    expect(await verifyToken(KEY, token, 'view', 43, NOW)).toBe(false)
    expect(await verifyToken('other-key', token, 'view', 42, NOW)).toBe(false)
  })

  it('refuses a tampered expiry or signature', async () => {
    const token = await signToken(KEY, 'edit', 42, expires)
    const [exp, mac] = token.split('.') as [string, string]
    const later = (Number.parseInt(exp, 36) + 3600).toString(36)
    const flipped = mac.slice(0, 10) + (mac[10] === 'A' ? 'B' : 'A') + mac.slice(11)
    for (const forged of [`${later}.${mac}`, `${exp}.${flipped}`, `0${exp}.${mac}`, `${exp}.${mac.slice(0, -1)}`]) {
      expect(await verifyToken(KEY, forged, 'edit', 42, NOW)).toBe(false)
    }
  })

  it('refuses malformed tokens without throwing', async () => {
    for (const junk of ['', '.', 'abc', 'zz.!!', `${'9'.repeat(40)}.${'A'.repeat(43)}`, 'a.b.c', '\ud800.x']) {
      expect(await verifyToken(KEY, junk, 'edit', 42, NOW)).toBe(false)
    }
  })
})
