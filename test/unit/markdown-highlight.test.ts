import { wcagContrast } from 'culori'
import { describe, expect, it } from 'vitest'
import { BACKGROUNDS } from '../../src/content/accent'
import { highlightCode } from '../../src/markdown/highlight'
import { renderPost } from '../../src/markdown/post'
import { CODE_COLOURS } from '../../src/views/highlight-styles'
import { STYLES } from '../../src/views/styles'

describe('code blocks at publish', () => {
  it('give a known language highlight.js classes, and no inline style', () => {
    const html = renderPost('```ts\nconst answer: number = 42 // the answer\n```')
    expect(html).toBe(
      '<pre><code class="hljs language-ts"><span class="hljs-keyword">const</span> <span class="hljs-attr">answer</span>: <span class="hljs-built_in">number</span> = <span class="hljs-number">42</span> <span class="hljs-comment">// the answer</span>\n</code></pre>\n',
    )
    expect(renderPost('```python\ndef f():\n    return "x"\n```')).toContain('<span class="hljs-keyword">def</span>')
    expect(html).not.toMatch(/style=/)
  })

  it('leave an unknown language, or none, plain and escaped as marked writes it', () => {
    expect(renderPost('```klingon\nqapla\' <b>\n```')).toBe('<pre><code class="language-klingon">qapla&#39; &lt;b&gt;\n</code></pre>\n')
    expect(renderPost('```\n<i>x</i>\n```')).toBe('<pre><code>&lt;i&gt;x&lt;/i&gt;\n</code></pre>\n')
    expect(highlightCode('x', undefined)).toBeNull()
    expect(highlightCode('x', '')).toBeNull()
  })

  it('escape hostile code, and a hostile language name, in every language', () => {
    const hostile = '</code></pre><script>alert(1)</script><img src=x onerror=alert(1)>"\'&'
    for (const lang of ['html', 'js', 'xml', 'markdown', 'css', 'nosuch', '"><script>'] ) {
      const html = renderPost(`\`\`\`${lang}\n${hostile}\n\`\`\``)
      expect(html, lang).not.toMatch(/<script|<img|<\/pre><|onerror=alert\(1\)>/)
      expect(html.match(/<pre>/g)).toHaveLength(1)
    }
    expect(renderPost('```"><b>\nx\n```')).not.toContain('<b>')
  })

  it('are coloured by the stylesheet readably in both schemes (4.5:1 on the code background)', () => {
    for (const scheme of ['light', 'dark'] as const) {
      for (const [name, colour] of Object.entries(CODE_COLOURS[scheme])) {
        expect(wcagContrast(colour, BACKGROUNDS[scheme].code), `${scheme} ${name}`).toBeGreaterThanOrEqual(4.5)
      }
    }
    expect(STYLES).toContain(`--hl-keyword:${CODE_COLOURS.light.keyword}`)
    expect(STYLES).toContain('.hljs-keyword')
  })
})
