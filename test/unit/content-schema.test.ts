import { describe, expect, it } from 'vitest'
import { describeIssues, frontMatterSchema, siteSchema } from '../../src/content/schema'
import { DEFAULT_SITE } from '../../src/content/site-defaults'

describe('frontMatterSchema', () => {
  it('reads dates in the zone it is given and leaves explicit offsets alone', () => {
    const fm = frontMatterSchema('America/Los_Angeles').parse({ title: 'T', date: '2026-06-01', updated: '2026-06-02T10:00:00+02:00' })
    expect(fm.date).toBe('2026-06-01T07:00:00.000Z')
    expect(fm.updated).toBe('2026-06-02T08:00:00.000Z')
  })
  it('defaults tags, draft and comments', () => {
    expect(frontMatterSchema('UTC').parse({ title: 'T', date: '2026-06-01' })).toEqual({
      title: 'T', date: '2026-06-01T00:00:00.000Z', tags: [], draft: false, comments: true,
    })
  })
  it('trims the title and refuses one made of spaces', () => {
    expect(frontMatterSchema('UTC').parse({ title: '  T  ', date: '2026-06-01' }).title).toBe('T')
    const result = frontMatterSchema('UTC').safeParse({ title: '   ', date: '2026-06-01' })
    expect(result.success || describeIssues('p.md', 'post', result.error)).toEqual([
      'p.md: title: is empty (every post needs a title: add "title: ...")',
    ])
  })
  it('accepts root paths and absolute URLs as images, nothing else', () => {
    const parse = (image: string) => frontMatterSchema('UTC').safeParse({ title: 'T', date: '2026-06-01', image }).success
    expect([parse('/media/a.png'), parse('https://cdn.example/a.png'), parse('a.png'), parse('//evil.example/a.png'), parse('javascript:alert(1)')]).toEqual([
      true, true, false, false, false,
    ])
  })
})

describe('siteSchema', () => {
  it('merges a partial comments section with the defaults', () => {
    expect(siteSchema.parse({ comments: { moderation: 'hold' } }).comments).toEqual({ ...DEFAULT_SITE.comments, moderation: 'hold' })
  })
  it('accepts a From address with or without a display name', () => {
    expect(siteSchema.parse({ email: { from: 'blog@example.com' } }).email.from).toBe('blog@example.com')
    expect(siteSchema.parse({ email: { from: 'Le blog <blog@example.com>' } }).email.from).toBe('Le blog <blog@example.com>')
    const result = siteSchema.safeParse({ email: { from: 'not an address' } })
    expect(result.success || describeIssues('site.yaml', 'site', result.error)).toEqual([
      'site.yaml: email.from: "not an address" is not an email address (write it like "Blog <blog@example.com>")',
    ])
  })
  it('refuses a base URL with another scheme, a query or a fragment', () => {
    for (const baseUrl of ['ftp://blog.example', 'https://blog.example/?a=1', 'https://blog.example/#top', '/relative'])
      expect(siteSchema.safeParse({ baseUrl }).success).toBe(false)
  })
  it('canonicalizes the language tag', () => {
    expect(siteSchema.parse({ language: 'fr-ca' }).language).toBe('fr-CA')
    expect(frontMatterSchema('UTC').parse({ title: 'T', date: '2026-06-01', lang: 'pt-br' }).lang).toBe('pt-BR')
  })
  it('says the whole file must be a mapping when it is a list', () => {
    const result = siteSchema.safeParse(['title'])
    expect(result.success || describeIssues('site.yaml', 'site', result.error)).toEqual(['site.yaml: must be a YAML mapping of keys to values'])
  })
})

describe('languages', () => {
  it('refuses a site language Palabre has no UI strings for, naming the ones it has', () => {
    const result = siteSchema.safeParse({ language: 'de' })
    expect(result.success || describeIssues('content/site.yaml', 'site', result.error)).toEqual([
      'content/site.yaml: language: "de" is not a language Palabre\'s pages come in (use en or fr, with a region if you like, such as fr-CA; a post written in another language sets its own lang:)',
    ])
  })
  it('accepts a supported language in any case', () => {
    expect(siteSchema.parse({ language: 'EN' }).language).toBe('en')
  })
  it('accepts any language for a post, whose text may be in another language than the site', () => {
    expect(frontMatterSchema('UTC').parse({ title: 'T', date: '2026-06-01', lang: 'de' }).lang).toBe('de')
  })
})
