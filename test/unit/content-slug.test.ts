import { describe, expect, it } from 'vitest'
import { isValidSlug, slugify, tagSlug } from '../../src/content/slug'

describe('slugify', () => {
  it('lowercases and joins words with dashes', () => {
    expect(slugify('Hello, World!')).toBe('hello-world')
  })
  it('keeps French accents as letters', () => {
    expect(slugify('Été à Paris : où aller ?')).toBe('été-à-paris-où-aller')
  })
  it('gives the same slug for decomposed (NFD) and composed (NFC) text', () => {
    const nfd = 'Cafe\u0301 cre\u0300me'
    expect(slugify(nfd)).toBe('café-crème')
    expect(slugify(nfd)).toBe(slugify(nfd.normalize('NFC')))
    expect(slugify(nfd).normalize('NFC')).toBe(slugify(nfd))
  })
  it('turns emoji into separators and trims them from the ends', () => {
    expect(slugify('🎉 Party time 🎉')).toBe('party-time')
    expect(slugify('rock🤘roll')).toBe('rock-roll')
  })
  it('keeps CJK and other scripts', () => {
    expect(slugify('東京 タワー')).toBe('東京-タワー')
    expect(slugify('Привет мир')).toBe('привет-мир')
    expect(slugify('नमस्ते दुनिया')).toBe('नमस्ते-दुनिया')
  })
  it('keeps digits and collapses runs of punctuation', () => {
    expect(slugify('  Top 10 --- tips...  ')).toBe('top-10-tips')
  })
  it('is empty when there is no letter or digit', () => {
    expect(slugify('🎉 ?!')).toBe('')
  })
  it('is stable: a slug slugifies to itself', () => {
    for (const text of ['Été à Paris', 'İstanbul', 'Straße', '東京 タワー']) expect(slugify(slugify(text))).toBe(slugify(text))
  })
})

describe('isValidSlug', () => {
  it('accepts slugs in slug form, accents included', () => {
    expect(isValidSlug('lecteurs-qui-répondent')).toBe(true)
  })
  it('refuses capitals, spaces, slashes, edge dashes and the empty string', () => {
    for (const slug of ['Hello', 'a b', 'a/b', '-a', 'a-', '', 'a--b']) expect(isValidSlug(slug)).toBe(false)
  })
})

describe('tagSlug', () => {
  it('gives tags that differ in case or punctuation one URL', () => {
    expect(tagSlug('Café')).toBe(tagSlug('café'))
    expect(tagSlug('Web Dev')).toBe('web-dev')
    expect(tagSlug('écriture')).toBe('écriture')
  })
})
