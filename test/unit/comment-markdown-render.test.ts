import { describe, expect, it } from 'vitest'
import { COMMENT_RENDER_VERSION, countLinks, renderComment, safeHref } from '../../src/markdown/comment'

const REL = 'rel="nofollow ugc noopener"'

describe('renderComment: the markdown subset', () => {
  it('renders paragraphs and single line breaks', () => {
    expect(renderComment('one\ntwo\n\nthree')).toBe('<p>one<br>two</p>\n<p>three</p>\n')
  })

  it('renders emphasis, strong and inline code', () => {
    expect(renderComment('*a* _b_ **c** `d < e`')).toBe('<p><em>a</em> <em>b</em> <strong>c</strong> <code>d &lt; e</code></p>\n')
  })

  it('renders fenced and indented code blocks, escaping their content', () => {
    expect(renderComment('```js\nif (a < b) {}\n```')).toBe('<pre><code>if (a &lt; b) {}\n</code></pre>\n')
    expect(renderComment('    <b>code</b>')).toBe('<pre><code>&lt;b&gt;code&lt;/b&gt;\n</code></pre>\n')
  })

  it('renders blockquotes', () => {
    expect(renderComment('> quoted\n\nreply')).toBe('<blockquote>\n<p>quoted</p>\n</blockquote>\n<p>reply</p>\n')
  })

  it('renders links, autolinks and bare URLs with rel="nofollow ugc noopener"', () => {
    expect(renderComment('[a](https://example.com/x?y=1&z=2)')).toBe(
      `<p><a ${REL} href="https://example.com/x?y=1&amp;z=2">a</a></p>\n`,
    )
    expect(renderComment('<http://example.com>')).toContain(`<a ${REL} href="http://example.com">http://example.com</a>`)
    expect(renderComment('see www.example.com')).toContain(`<a ${REL} href="http://www.example.com">`)
    expect(renderComment('[mail](mailto:me@example.com)')).toContain(`<a ${REL} href="mailto:me@example.com">mail</a>`)
  })

  it('keeps reference-style links', () => {
    expect(renderComment('[a][1]\n\n[1]: https://example.com')).toBe(`<p><a ${REL} href="https://example.com">a</a></p>\n`)
  })
})

describe('renderComment: bare e-mail addresses', () => {
  const mail = (address: string, text = address) => `<a ${REL} href="mailto:${address}">${text}</a>`

  it('links an address and leaves a trailing dot, comma or semicolon outside', () => {
    expect(renderComment('write to a@b.example, c@d.example; or x.y+blog@z.example.')).toBe(
      `<p>write to ${mail('a@b.example')}, ${mail('c@d.example')}; or ${mail('x.y+blog@z.example')}.</p>\n`,
    )
  })

  it('links no address whose domain ends in a dot or has no dot', () => {
    expect(renderComment('a@b. c@d.e.f. @g.h i@j')).toBe(`<p>a@b. ${mail('c@d.e.f')}. @g.h i@j</p>\n`)
  })

  it('starts the next address after the last one ends, in a run of addresses', () => {
    expect(renderComment('a@b.a@b.a@b.a@b.a@b.')).toBe(`<p>${mail('a@b.a')}@${mail('b.a@b.a')}@b.a@b.</p>\n`)
  })

  it('keeps mailto: in the link and makes xmpp: plain text', () => {
    expect(renderComment('mailto:a@b.example and xmpp:u@h.example')).toBe(
      `<p><a ${REL} href="mailto:a@b.example">mailto:a@b.example</a> and xmpp:u@h.example</p>\n`,
    )
  })
})

describe('renderComment: what is shown as typed', () => {
  it.each([
    ['raw HTML', '<b>bold</b> <i>x</i>', '<p>&lt;b&gt;bold&lt;/b&gt; &lt;i&gt;x&lt;/i&gt;</p>\n'],
    ['an HTML block', '<div>\nhi\n</div>', '<p>&lt;div&gt;<br>hi<br>&lt;/div&gt;</p>\n'],
    ['headings', '# Title\nSub\n---', '<p># Title<br>Sub<br>---</p>\n'],
    ['rules', '***', '<p>***</p>\n'],
    ['lists', '1. one\n- two', '<p>1. one<br>- two</p>\n'],
    ['tables', '| a |\n|---|\n| 1 |', '<p>| a |<br>|---|<br>| 1 |</p>\n'],
    ['strikethrough', '~~no~~', '<p>~~no~~</p>\n'],
    ['images', '![alt](https://example.com/a.png)', '<p>![alt](https://example.com/a.png)</p>\n'],
  ])('%s', (_, input, html) => {
    expect(renderComment(input)).toBe(html)
  })

  it('shows the text of a link whose URL is not http, https or mailto', () => {
    expect(renderComment('[click](javascript:alert(1)) [rel](/relative) [ftp](ftp://x)')).toBe('<p>click rel ftp</p>\n')
  })
})

describe('safeHref', () => {
  it.each([
    ['http://x.example', 'http://x.example'],
    ['HTTPS://x.example', 'HTTPS://x.example'],
    [' \thttps://x.example/a\nb ', 'https://x.example/ab'],
    ['&#104;ttp://x.example', 'http://x.example'],
    ['http&colon;//x.example', 'http://x.example'],
    ['mailto:a@b.example', 'mailto:a@b.example'],
    ['https://x.example/a b', 'https://x.example/a b'],
    ['https://x.example/?a=1&amp;b=2', 'https://x.example/?a=1&b=2'],
  ])('accepts %j as %j', (href, url) => {
    expect(safeHref(href)).toBe(url)
  })

  it.each([
    'javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', 'java&#09;script:alert(1)',
    '&#x6A;avascript:alert(1)', '&#106avascript:alert(1)', '\u0001javascript:alert(1)', 'javascript&colon;alert(1)',
    'data:text/html,x', 'vbscript:x', '//x.example', '/path', 'x.example', '', 'http', 'ht\u0000tp://x',
  ])('refuses %j', (href) => {
    expect(safeHref(href)).toBeNull()
  })
})

describe('countLinks and the render version', () => {
  it('counts the links a reader would see', () => {
    expect(countLinks(renderComment('[a](http://a.example) www.b.example <mailto:c@d.example> [x](javascript:1)'))).toBe(3)
    expect(countLinks(renderComment('<a href="http://a.example">a</a> no links here'))).toBe(1)
  })

  it('is a positive integer', () => {
    expect(Number.isInteger(COMMENT_RENDER_VERSION) && COMMENT_RENDER_VERSION > 0).toBe(true)
  })
})
