import { describe, expect, it } from 'vitest'
import { fr } from '../../src/i18n/fr'
import { renderPost } from '../../src/markdown/post'

const ids = (html: string) => [...html.matchAll(/<h\d id="([^"]*)"/g)].map((m) => m[1])

describe('renderPost headings', () => {
  it('keeps accented letters in French heading ids', () => {
    expect(ids(renderPost('## Ça marche à l’été\n\n## Œuvres complètes'))).toEqual([
      'ça-marche-à-l-été',
      'œuvres-complètes',
    ])
  })

  it('keeps letters of any script and drops emoji and punctuation', () => {
    expect(ids(renderPost('## 日本語の見出し\n\n## 🎉 Fête « géante » !\n\n## Straße & Co'))).toEqual([
      '日本語の見出し',
      'fête-géante',
      'straße-co',
    ])
  })

  it('gives a heading of emoji alone a usable id, never an empty one', () => {
    expect(ids(renderPost('## 🎉\n\n## 🚀🚀'))).toEqual(['section', 'section-2'])
  })

  it('numbers repeated headings so every id is unique', () => {
    expect(ids(renderPost('## Notes\n\n## Notes\n\n## Notes-2\n\n## Notes'))).toEqual([
      'notes',
      'notes-2',
      'notes-2-2',
      'notes-3',
    ])
  })

  it('never takes an id the page or the notes use', () => {
    expect(ids(renderPost('## Main\n\n## Footnote 1'))).toEqual(['main-2', 'section-footnote-1'])
  })

  it('starts every document with fresh ids', () => {
    renderPost('## Intro')
    expect(ids(renderPost('## Intro'))).toEqual(['intro'])
  })

  it('takes the id from the text a reader sees, not from markup', () => {
    expect(ids(renderPost('## The `<b>` tag &amp; *emphasis* <span>x</span>'))).toEqual(['the-b-tag-emphasis-x'])
  })

  it('adds a visible anchor link with an accessible label beside each heading', () => {
    const html = renderPost('## Ça marche')
    expect(html).toContain(
      '<div class="heading"><h2 id="ça-marche">Ça marche</h2><a class="anchor" href="#ça-marche" aria-label="Link to the section “Ça marche”">#</a></div>',
    )
  })

  it('labels anchors in the language it is given', () => {
    expect(renderPost('## Ça marche', { labels: fr.markdown })).toContain(
      'aria-label="Lien vers la section «\u00a0Ça marche\u00a0»"',
    )
  })

  it('escapes heading text in the anchor label', () => {
    expect(renderPost('## Say "hi" & <b>bye</b>')).toContain('aria-label="Link to the section “Say &quot;hi&quot; &amp; bye”"')
  })
})

describe('renderPost images and links', () => {
  it('makes markdown images after the first load lazily and decode asynchronously', () => {
    expect(renderPost('![first](/media/first.png)\n\n![A "cat"](/media/cat.png "Tom")')).toContain(
      '<img src="/media/cat.png" alt="A &quot;cat&quot;" title="Tom" loading="lazy" decoding="async">',
    )
  })

  it('leaves the author’s own HTML images as written', () => {
    expect(renderPost('<img src="/a.png" alt="">')).toBe('<img src="/a.png" alt="">')
  })

  it('adds rel="noopener" to links to another host only', () => {
    const html = renderPost(
      '[a](https://other.example/x) [b](/posts/b) [c](https://blog.example/posts/c) [d](//cdn.example/d) [e](mailto:me@example.com) [f](#top) <http://auto.example>',
      { baseUrl: 'https://blog.example' },
    )
    expect(html).toContain('<a href="https://other.example/x" rel="noopener">a</a>')
    expect(html).toContain('<a href="/posts/b">b</a>')
    expect(html).toContain('<a href="https://blog.example/posts/c">c</a>')
    expect(html).toContain('<a href="//cdn.example/d" rel="noopener">d</a>')
    expect(html).toContain('<a href="mailto:me@example.com">e</a>')
    expect(html).toContain('<a href="#top">f</a>')
    expect(html).toContain('<a href="http://auto.example" rel="noopener">http://auto.example</a>')
  })

  it('treats every absolute http(s) link as external when it does not know the site', () => {
    expect(renderPost('[a](https://blog.example/x)')).toContain('rel="noopener"')
  })
})

describe('renderPost blocks', () => {
  it('renders footnotes with references, back links and a titled notes section', () => {
    const html = renderPost('One[^a] and two[^2], one again[^a].\n\n[^a]: First *note*.\n[^2]: Second note.')
    expect(html).toContain('<a id="footnote-ref-a" href="#footnote-a" data-footnote-ref aria-describedby="footnote-label">1</a>')
    expect(html).toContain('<a id="footnote-ref-a-2" href="#footnote-a" data-footnote-ref')
    expect(html).toContain('<h2 id="footnote-label">Notes</h2>')
    expect(html).toMatch(/<li id="footnote-a">\n<p>First <em>note<\/em>\. <a href="#footnote-ref-a" data-footnote-backref aria-label="Back to reference 1">↩<\/a> <a href="#footnote-ref-a-2" [^>]*>↩<sup>2<\/sup><\/a><\/p>/)
    expect(html.indexOf('footnote-a"')).toBeLessThan(html.indexOf('id="footnote-2"'))
  })

  it('writes the notes section’s labels in the language it is given', () => {
    const html = renderPost('Un[^1].\n\n[^1]: Note.', { labels: fr.markdown })
    expect(html).toContain('aria-label="Retour à l’appel de note 1"')
  })

  it('renders nothing for notes when a document has none, even after one that had', () => {
    renderPost('x[^1]\n\n[^1]: y')
    expect(renderPost('Plain text.')).toBe('<p>Plain text.</p>\n')
  })

  it('renders GFM tables, their column alignment as classes (align= is obsolete HTML)', () => {
    const html = renderPost('| Nom | Âge | Ville |\n|:--|--:|:-:|\n| Zoé | 7 | Lyon |')
    expect(html).toContain('<th class="align-left">Nom</th>')
    expect(html).toContain('<td class="align-right">7</td>')
    expect(html).toContain('<td class="align-center">Lyon</td>')
    expect(html).not.toContain('align=')
    expect(renderPost('| a |\n| --- |\n| b |')).toContain('<td>b</td>')
  })

  it('escapes HTML inside code blocks and code spans', () => {
    const html = renderPost('```html\n<script>alert("x")</script>\n```\n\nUse `<b>` & co.')
    expect(html).toContain('<pre><code class="hljs language-html"><span class="hljs-tag">&lt;<span class="hljs-name">script</span>&gt;</span>')
    expect(html).toContain('<code>&lt;b&gt;</code> &amp; co.')
    expect(html).not.toContain('<script>')
  })

  it('passes the author’s HTML through (author content is trusted)', () => {
    expect(renderPost('<figure class="wide"><figcaption>Hi</figcaption></figure>')).toContain(
      '<figure class="wide"><figcaption>Hi</figcaption></figure>',
    )
  })

  it('keeps French typography and emoji exactly', () => {
    const text = 'Il a dit «\u00a0bonjour\u00a0»\u202f! 🎉 — l’été'
    expect(renderPost(text)).toBe(`<p>${text}</p>\n`)
  })
})
