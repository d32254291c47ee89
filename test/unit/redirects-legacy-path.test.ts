import { describe, expect, it } from 'vitest'
import { legacyPathKey } from '../../src/redirects/legacy-path'

describe('legacyPathKey', () => {
  it('spells one old address one way, whatever the export wrote', () => {
    const key = legacyPathKey('/2016/03/14/r%C3%A9ussite/')
    expect(key).toBe('/2016/03/14/réussite')
    expect(legacyPathKey('/2016/03/14/r%c3%a9ussite')).toBe(key)
    expect(legacyPathKey('/2016/03/14/RE\u0301USSITE/')).toBe(key)
  })

  it('keeps the root and only the query parameters that address an item', () => {
    expect(legacyPathKey('/', '?utm_source=x&p=123')).toBe('/?p=123')
    expect(legacyPathKey('/', '?page_id=7&p=')).toBe('/?page_id=7')
    expect(legacyPathKey('/', '')).toBe('/')
    expect(legacyPathKey('/feed/', '?s=word')).toBe('/feed')
  })

  it('answers null for a path that does not decode instead of throwing', () => {
    expect(legacyPathKey('/%E0%A4%A')).toBeNull()
  })
})
