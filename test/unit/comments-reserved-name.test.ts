import { describe, expect, it } from 'vitest'
import { isReservedName } from '../../src/comments/reserved-name'

const AUTHOR = 'Ana Autora'

describe('isReservedName', () => {
  it.each([
    ['the same name', 'Ana Autora'],
    ['another case', 'ANA autora'],
    ['accents', 'Àña Autorá'],
    ['other spacing', ' Ana\u00a0 Autora ', 'AnaAutora'],
    ['zero-width characters', 'An\u200ba Au\u200dtora\ufeff'],
    ['full-width letters (NFKC)', 'Ａｎａ Ａｕｔｏｒａ'],
    ['Cyrillic look-alikes', 'Аnа Аutоrа'],
    ['digits for letters', 'Ana Aut0ra'],
    ['punctuation and emoji', 'Ana-Autora ✅'],
  ])('refuses %s', (_, ...names) => {
    for (const name of names) expect(isReservedName(name, AUTHOR)).toBe(true)
  })

  it('folds look-alike letters on both sides: I, l and 1; rn and m', () => {
    expect(isReservedName('AIice', 'Alice')).toBe(true)
    expect(isReservedName('A1ice', 'Alice')).toBe(true)
    expect(isReservedName('Wiiliarn', 'William')).toBe(true)
  })

  it('allows other names, including ones that contain the author name', () => {
    expect(isReservedName('Ana', AUTHOR)).toBe(false)
    expect(isReservedName('Ana Autora fan', AUTHOR)).toBe(false)
    expect(isReservedName('Bruno', AUTHOR)).toBe(false)
  })

  it('reserves nothing when the author has no name', () => {
    expect(isReservedName('', '')).toBe(false)
    expect(isReservedName('🙂', ' ')).toBe(false)
  })
})
