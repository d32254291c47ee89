import { describe, expect, it } from 'vitest'
import { checkExpiring } from '../../src/auth/expiring-token'
import { macBase64Url, macMatches } from '../../src/auth/hmac'
import { signToken, verifyToken } from '../../src/comments/hmac'
import { signConfirm, verifyConfirm } from '../../src/notify/tokens'

const SECRET = 'expiring-token-secret'
const NOW = Date.UTC(2026, 11, 1)
const LATER = NOW + 60_000

/** The codec as src/comments/hmac.ts and src/notify/tokens.ts each wrote it before it was shared. */
async function oldSign(message: string, expires: number): Promise<string> {
  return `${expires.toString(36)}.${await macBase64Url(SECRET, message)}`
}
async function oldVerify(token: string, message: (expires: number) => string): Promise<number | null> {
  const match = /^([0-9a-z]{1,10})\.([\w-]{43})$/.exec(token)
  if (!match) return null
  const expires = Number.parseInt(match[1]!, 36)
  if (expires.toString(36) !== match[1]) return null
  return (await macMatches(SECRET, message(expires), match[2]!)) ? expires : null
}

describe('the shared expiring-token codec', () => {
  const expires = Math.floor(LATER / 1000)

  it('verifies the comment links the old code made', async () => {
    const old = await oldSign(`token\nedit\n42\n${expires}`, expires)
    expect(await verifyToken(SECRET, old, 'edit', 42, NOW)).toBe(true)
    expect(await verifyToken(SECRET, old, 'view', 42, NOW)).toBe(false)
    expect(await verifyToken(SECRET, old, 'edit', 43, NOW)).toBe(false)
  })

  it('verifies the subscription confirmation links the old code put in emails', async () => {
    const old = await oldSign(`notify\nconfirm\nsubscription\n3\n${expires}`, expires)
    expect(await verifyConfirm(SECRET, old, { subscription: 3 }, NOW)).toBe('valid')
    expect(await verifyConfirm(SECRET, old, { address: 3 }, NOW)).toBe('invalid')
  })

  it('verifies the address confirmation links the old code put in emails', async () => {
    const old = await oldSign(`notify\nconfirm\n7\n${expires}`, expires)
    expect(await verifyConfirm(SECRET, old, { address: 7 }, NOW)).toBe('valid')
    expect(await verifyConfirm(SECRET, old, { address: 7 }, LATER + 1000)).toBe('expired')
    expect(await verifyConfirm(SECRET, old, { address: 8 }, NOW)).toBe('invalid')
  })

  it('makes the very tokens the old code made, which the old code verifies', async () => {
    const edit = await signToken(SECRET, 'edit', 42, LATER)
    expect(edit).toBe(await oldSign(`token\nedit\n42\n${expires}`, expires))
    expect(await oldVerify(edit, (e) => `token\nedit\n42\n${e}`)).toBe(expires)
    const confirm = await signConfirm(SECRET, { address: 7 }, LATER)
    expect(confirm).toBe(await oldSign(`notify\nconfirm\n7\n${expires}`, expires))
    const subscription = await signConfirm(SECRET, { subscription: 3 }, LATER)
    expect(subscription).toBe(await oldSign(`notify\nconfirm\nsubscription\n3\n${expires}`, expires))
  })

  it('refuses a forged token as invalid, never as merely expired', async () => {
    const forged = `${expires.toString(36)}.${'A'.repeat(43)}`
    expect(await checkExpiring(SECRET, forged, (e) => `x\n${e}`, LATER + 10_000)).toBe('invalid')
  })

  it('refuses another spelling of the same expiry', async () => {
    const token = await signConfirm(SECRET, { address: 7 }, LATER)
    const [exp, mac] = token.split('.')
    expect(await verifyConfirm(SECRET, `0${exp}.${mac}`, { address: 7 }, NOW)).toBe('invalid')
  })
})
