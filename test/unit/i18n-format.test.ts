import { describe, expect, it } from 'vitest'
import { formatCount, formatDate, uiStrings } from '../../src/i18n'
import { en } from '../../src/i18n/en'
import { fr } from '../../src/i18n/fr'
import type { UiStrings } from '../../src/i18n/types'

describe('formatDate', () => {
  const lateEvening = '2026-03-14T23:30:00Z'

  it('shows the date in the site’s time zone, not in UTC', () => {
    expect(formatDate(lateEvening, 'fr', 'Europe/Paris')).toBe('15 mars 2026')
    expect(formatDate(lateEvening, 'en', 'Europe/Paris')).toBe('March 15, 2026')
    expect(formatDate(lateEvening, 'en', 'UTC')).toBe('March 14, 2026')
    expect(formatDate(lateEvening, 'en', 'America/New_York')).toBe('March 14, 2026')
  })

  it('follows the region of the language tag', () => {
    expect(formatDate(lateEvening, 'en-GB', 'Europe/London')).toBe('14 March 2026')
  })

  it('falls back to UTC for a time zone it does not know instead of failing the page', () => {
    expect(formatDate(lateEvening, 'en', 'Mars/Olympus_Mons')).toBe('March 14, 2026')
  })
})

describe('formatCount', () => {
  it('chooses the English plural form', () => {
    expect(formatCount(en.post.readingTime, 1, 'en')).toBe('1 minute read')
    expect(formatCount(en.post.readingTime, 2, 'en')).toBe('2 minutes read')
  })

  it('counts 0 and 1 as singular in French', () => {
    expect(formatCount(fr.tag.count, 0, 'fr')).toBe('0 billet')
    expect(formatCount(fr.post.readingTime, 1, 'fr')).toBe('1 minute de lecture')
    expect(formatCount(fr.post.readingTime, 12, 'fr')).toBe('12 minutes de lecture')
  })

  it('writes the number as the language does and falls back to the `other` form', () => {
    // French has a `many` category (1 000 000) that the strings do not spell out.
    expect(formatCount(fr.tag.count, 1_000_000, 'fr')).toBe('1\u202f000\u202f000 billets')
  })
})

describe('uiStrings', () => {
  it('matches a language on its primary subtag', () => {
    expect(uiStrings('fr-CA')).toBe(fr)
    expect(uiStrings('FR')).toBe(fr)
    expect(uiStrings('en-GB')).toBe(en)
  })

  it('falls back to English for a language it has no strings for', () => {
    expect(uiStrings('de')).toBe(en)
    expect(uiStrings(undefined)).toBe(en)
  })
})

/** Every piece of text in a set of strings, functions called with a sample argument. */
function texts(strings: UiStrings): string[] {
  const out: string[] = []
  const walk = (value: unknown) => {
    if (typeof value === 'string') out.push(value)
    else if (typeof value === 'function') out.push(String(value('X')))
    else if (value && typeof value === 'object') Object.values(value).forEach(walk)
  }
  walk(strings)
  return out
}

describe('the French strings', () => {
  it('translate every English string', () => {
    expect(texts(fr)).toHaveLength(texts(en).length)
  })

  it('put a no-break space, never a plain one, before : ; ! ? » and after «', () => {
    for (const text of texts(fr)) {
      expect(text).not.toMatch(/ [:;!?»]|« /)
      expect(text).not.toMatch(/[^\u00a0\u202f][:;!?»](?:\s|$)/u)
    }
  })
})
