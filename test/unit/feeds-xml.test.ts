import { parseXml } from '@rgrove/parse-xml'
import { describe, expect, it } from 'vitest'
import { el, escapeXml, renderXml, stripForbiddenXmlChars } from '../../src/feeds/xml'

// XML 1.0 §2.2: what a conforming parser must reject. The low surrogate comes first, so that
// joined they stay two lone surrogates rather than one valid pair.
const FORBIDDEN = ['\u0000', '\u0001', '\u0008', '\u000B', '\u000C', '\u001F', '\uDFFF', '\uD800', '\uFFFE', '\uFFFF']

describe('escapeXml', () => {
  it('escapes the five characters XML gives meaning to', () => {
    expect(escapeXml(`a & b < c > d " e ' f`)).toBe('a &amp; b &lt; c &gt; d &quot; e &apos; f')
  })
  it('escapes an ampersand that already starts an entity, so text round-trips exactly', () => {
    expect(escapeXml('&amp; &#233;')).toBe('&amp;amp; &amp;#233;')
  })
  it('leaves accents, guillemets, emoji and tab/LF/CR intact', () => {
    expect(escapeXml('Été « ça » 😀 \t\n\r')).toBe('Été « ça » 😀 \t\n\r')
  })
  it('drops every character XML 1.0 forbids', () => {
    expect(escapeXml(`a${FORBIDDEN.join('')}b`)).toBe('ab')
  })
})

describe('stripForbiddenXmlChars', () => {
  it('keeps a well-formed surrogate pair and drops a lone surrogate', () => {
    expect(stripForbiddenXmlChars('😀\uD83D x \uDE00')).toBe('😀 x ')
  })
  it('keeps the last characters XML allows at each range edge', () => {
    const allowed = '\u0020\uD7FF\uE000\uFFFD\u{10000}\u{10FFFF}'
    expect(stripForbiddenXmlChars(allowed)).toBe(allowed)
  })
})

describe('renderXml', () => {
  it('writes a declaration, attributes, nested elements and self-closing empty elements', () => {
    const xml = renderXml(el('a', { x: '1', skipped: undefined }, el('b', {}, 'text'), el('c', { y: '2' })))
    expect(xml).toBe('<?xml version="1.0" encoding="utf-8"?>\n<a x="1">\n<b>text</b>\n<c y="2"/>\n</a>\n')
  })
  it('skips empty, false and null children and flattens lists', () => {
    const xml = renderXml(el('a', {}, false, null, undefined, '', [el('b'), [el('c')]]))
    expect(xml).toContain('<a>\n<b/>\n<c/>\n</a>')
  })
  it('produces a document a strict parser reads back exactly, whatever the text and attributes hold', () => {
    const nasty = `x & <y> "z" 'w' ]]> é « » 😀${FORBIDDEN.join('')}\ttab\nline`
    const doc = parseXml(renderXml(el('root', { attr: nasty }, nasty)))
    const clean = stripForbiddenXmlChars(nasty)
    expect(clean).toBe(`x & <y> "z" 'w' ]]> é « » 😀\ttab\nline`)
    expect(doc.root?.attributes.attr).toBe(clean)
    expect(doc.root?.text).toBe(clean)
  })
  it('refuses an element name that is not an XML name', () => {
    expect(() => el('a b')).toThrow(/Invalid XML name/)
    expect(() => renderXml(el('a', { 'x"': '1' }))).toThrow(/Invalid XML attribute name/)
  })
})
