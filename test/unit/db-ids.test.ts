import { describe, expect, it } from 'vitest'
import { ID_PATTERN, parseId } from '../../src/db/ids'

describe('parseId', () => {
  it('reads a positive decimal id of up to 15 digits', () => {
    expect(parseId('1')).toBe(1)
    expect(parseId('42')).toBe(42)
    expect(parseId('999999999999999')).toBe(999_999_999_999_999)
  })

  it('refuses 16-digit ids, which can pass Number.MAX_SAFE_INTEGER and round to another id', () => {
    expect(parseId('1000000000000000')).toBeNull()
    expect(parseId(String(Number.MAX_SAFE_INTEGER))).toBeNull()
    // Number('9007199254740993') is 9007199254740992: two ids would read as one.
    expect(parseId('9007199254740993')).toBeNull()
  })

  it('refuses any other spelling of a number', () => {
    for (const text of ['', '0', '01', '-1', '+1', '1.0', '1e3', ' 1', '1 ', '0x1', '١']) expect(parseId(text)).toBeNull()
    expect(parseId(undefined)).toBeNull()
    expect(parseId(null)).toBeNull()
    expect(parseId(7)).toBeNull()
  })

  it('gives Hono a route pattern with the same rule', () => {
    const route = new RegExp(`^${ID_PATTERN}$`)
    expect(route.test('999999999999999')).toBe(true)
    expect(route.test('1000000000000000')).toBe(false)
    expect(route.test('0')).toBe(false)
  })
})
