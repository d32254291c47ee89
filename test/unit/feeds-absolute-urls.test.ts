import { describe, expect, it } from 'vitest'
import { absoluteUrl, absolutizeHtml } from '../../src/feeds/absolute-urls'
import { renderPost } from '../../src/markdown/post'

const base = 'https://blog.example'
const page = 'https://blog.example/posts/mon-billet'

describe('absoluteUrl', () => {
  it('prefixes a root-relative URL with the base URL', () => {
    expect(absoluteUrl('/media/a.png', base, page)).toBe('https://blog.example/media/a.png')
  })
  it('keeps the path prefix of a base URL that has one', () => {
    expect(absoluteUrl('/media/a.png', 'https://example.org/blog', 'https://example.org/blog/posts/x')).toBe(
      'https://example.org/blog/media/a.png',
    )
  })
  it('resolves document-relative URLs, queries and fragments against the page, as a browser would', () => {
    expect(absoluteUrl('a.png', base, page)).toBe('https://blog.example/posts/a.png')
    expect(absoluteUrl('../about', base, page)).toBe('https://blog.example/about')
    expect(absoluteUrl('#note-1', base, page)).toBe('https://blog.example/posts/mon-billet#note-1')
    expect(absoluteUrl('?page=2', base, page)).toBe('https://blog.example/posts/mon-billet?page=2')
  })
  it('gives a protocol-relative URL the site scheme', () => {
    expect(absoluteUrl('//cdn.example/x.js', base, page)).toBe('https://cdn.example/x.js')
  })
  it('leaves URLs that have a scheme alone', () => {
    for (const url of ['https://other.example/x', 'HTTP://X.EXAMPLE', 'mailto:a@b.example', 'data:image/png;base64,AA', 'tel:+33123']) {
      expect(absoluteUrl(url, base, page)).toBe(url)
    }
  })
})

describe('absolutizeHtml', () => {
  it('rewrites href, src, srcset, poster and cite, in any quoting', () => {
    const html = `<a href="/x">x</a><img src='/a.png' srcset="/a.png 1x, b.png 2x"><video poster=/p.jpg></video><q cite="/c">c</q>`
    expect(absolutizeHtml(html, base, page)).toBe(
      `<a href="https://blog.example/x">x</a><img src='https://blog.example/a.png' srcset="https://blog.example/a.png 1x, https://blog.example/posts/b.png 2x">` +
        `<video poster="https://blog.example/p.jpg"></video><q cite="https://blog.example/c">c</q>`,
    )
  })
  it('leaves text, code and other attributes alone, even when they look like URLs', () => {
    const html = `<p title="see href=/x" data-src="/y">href="/z" &lt;a href="/w"&gt;</p><pre><code>&lt;img src="/v"&gt;</code></pre>`
    expect(absolutizeHtml(html, base, page)).toBe(html)
  })
  it('keeps HTML-encoded ampersands in a URL as they were', () => {
    expect(absolutizeHtml('<a href="/s?a=1&amp;b=2">s</a>', base, page)).toBe('<a href="https://blog.example/s?a=1&amp;b=2">s</a>')
  })
  it('handles a quoted > inside a tag and uppercase attribute names', () => {
    expect(absolutizeHtml('<A TITLE="a > b" HREF="/x">x</A>', base, page)).toBe('<A TITLE="a > b" HREF="https://blog.example/x">x</A>')
  })
  it('leaves no relative URL in a rendered post with links, images, footnotes and heading anchors', () => {
    const markdown = '## Titre\n\n[lien](/posts/autre) ![img](/media/a.png) [ext](https://x.example) note[^1]\n\n[^1]: Une note.'
    const html = absolutizeHtml(renderPost(markdown), base, page)
    const urls = [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1])
    expect(urls.length).toBeGreaterThanOrEqual(4)
    for (const url of urls) expect(url).toMatch(/^https:\/\//)
    expect(html).toContain('href="https://blog.example/posts/autre"')
    expect(html).toContain('src="https://blog.example/media/a.png"')
  })
})
