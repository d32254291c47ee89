import { describe, expect, it } from 'vitest'
import confusables from 'unhomoglyph/data.json'
import { confusablesTable, isReservedName as isReservedWith } from '../../src/comments/reserved-name'

// The table as the publish tool stores it and the Worker reads it back (src/cli/confusables.ts).
const TABLE = confusablesTable(JSON.parse(JSON.stringify(confusables)) as Record<string, string>)
const isReservedName = (name: string, author: string) => isReservedWith(name, author, TABLE)

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
    expect(isReservedName('WiIliarn', 'William')).toBe(true)
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

// The name the attack was reported against (the sample blog's author), written here rather than
// read from content/: the engine's tests must not depend on the author's own site.yaml.
describe('isReservedName against look-alikes of an author name', () => {
  const author = 'Camille Durand'

  it.each([
    ['U+0251 Latin alpha', 'Cɑmille Durɑnd'],
    ['U+04CF Cyrillic palochka', 'Camiӏle Durand'],
    ['small capitals', 'ᴄamille ᴅurand'],
    ['U+057D Armenian seh', 'Camille Dսrand'],
    ['U+03F9 Greek lunate sigma', 'Ϲamille Durand'],
    ['U+13A0 Cherokee A', 'Camille Ꭰurand'],
    ['Cyrillic letters mixed into a Latin name', 'Сamillе Durаnd'],
    ['a Latin and Greek mix', 'Camille Durαnd'],
    ['rn for m and a capital I for l', 'CarniIle Durand'],
  ])('refuses %s', (_, name) => {
    expect(isReservedName(name, author)).toBe(true)
  })

  it('refuses every single-letter substitution the confusables table gives for the name', () => {
    const table = confusables as Record<string, string>
    const letters = [...author]
    const names: string[] = []
    letters.forEach((letter, at) => {
      for (const [source, prototype] of Object.entries(table)) {
        if (prototype !== letter && prototype !== letter.toLowerCase() && prototype !== letter.toUpperCase()) continue
        names.push([...letters.slice(0, at), source, ...letters.slice(at + 1)].join(''))
      }
    })
    expect(names.length).toBeGreaterThan(200)
    expect(names.filter((name) => !isReservedName(name, author))).toEqual([])
  })

  it('maps only the small capitals the table lacks or sends elsewhere', () => {
    const table = confusables as Record<string, string>
    const supplement = { ᴀ: 'a', ʙ: 'b', ᴅ: 'd', ᴇ: 'e', ꜰ: 'f', ɢ: 'g', ʜ: 'h', ᴊ: 'j', ᴋ: 'k', ʟ: 'l', ᴍ: 'm', ɴ: 'n', ᴘ: 'p', ꞯ: 'q', ʀ: 'r', ᴛ: 't' }
    // Each one is missing from the table or mapped to another letter there: none is redundant.
    for (const [ch, letter] of Object.entries(supplement)) expect(table[ch]?.toLowerCase(), ch).not.toBe(letter)
    // The ones the table has are left to it.
    for (const ch of ['ᴄ', 'ɪ', 'ᴏ', 'ᴜ', 'ᴠ', 'ᴡ', 'ᴢ']) expect(table[ch], ch).toBeDefined()
    expect(isReservedName('ᴄᴀᴍɪʟʟᴇ ᴅᴜʀᴀɴᴅ', author)).toBe(true)
  })

  it('accepts ordinary different names', () => {
    for (const name of ['Camille Duran', 'Camilla Durand', 'Camille Dupont', 'Camille', 'Durand', 'Camille Durand-Martin', 'Camile Durand', 'Camille Durant', 'Carmille Durand']) {
      expect(isReservedName(name, author), name).toBe(false)
    }
  })
})
