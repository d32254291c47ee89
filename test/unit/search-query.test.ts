import { describe, expect, it } from 'vitest'
import { capBytes, indexRow, planSearchIndex, searchStatements } from '../../src/cli/search-plan'
import { searchPurgeTags } from '../../src/cli/search-index'
import { htmlToText, MARK_END, MARK_START } from '../../src/search/document'
import { matchExpression, MAX_QUERY_LENGTH, readQuery } from '../../src/search/query'
import { snippetHtml } from '../../src/search/snippet'

describe('readQuery', () => {
  it('keeps lowercase NFKC words, once each, in order', () => {
    expect(readQuery('  Réussite, RÉUSSITE; l’École!  ')).toEqual({ ok: true, words: ['réussite', 'l', 'école'], canonical: 'réussite l école' })
    expect(readQuery('ＥＤＧＥ e\u0301t\u00e9')).toMatchObject({ words: ['edge', 'été'] })
    expect(readQuery('"*()-^:\u0000\uD800')).toEqual({ ok: true, words: [], canonical: '' })
  })

  it('refuses, rather than cuts, a query over its limits', () => {
    expect(readQuery('x'.repeat(MAX_QUERY_LENGTH)).ok).toBe(true)
    expect(readQuery('x'.repeat(MAX_QUERY_LENGTH + 1))).toEqual({ ok: false, reason: 'too_long' })
    expect(readQuery(Array.from({ length: 13 }, (_, i) => `w${i}`).join(' '))).toEqual({ ok: false, reason: 'too_long' })
  })
})

describe('matchExpression', () => {
  it('quotes every word, prefix-matching those of two characters or more', () => {
    expect(matchExpression(['entrepre', 'a', 'NEAR'])).toBe('"entrepre"* "a" "NEAR"*')
  })
})

describe('the index rows', () => {
  it('take the text readers see from post HTML', () => {
    const html = '<div class="heading"><h2 id="x">Une r<em>é</em>ussite</h2><a class="anchor" href="#x" aria-label="Lien">#</a></div>\n<p>A&amp;B &lt;tag&gt; l&#39;été<sup><a href="#fn" data-footnote-backref>↩</a></sup></p><script>evil()</script>'
    expect(htmlToText(html)).toBe("Une réussite A&B <tag> l'été")
    expect(htmlToText(`<p>${MARK_START}x${MARK_END}</p>`)).toBe('x')
  })

  it('cut long text at a space within the byte budget, quotes counted twice', () => {
    expect(capBytes('aaa bbb ccc', 9)).toBe('aaa bbb')
    expect(capBytes("''''", 4)).toBe("''")
    expect(capBytes('ééé', 6)).toBe('ééé')
  })

  it('are rewritten only when they change, and a changed one deleted before it is written again', () => {
    const doc = { kind: 'post' as const, slug: 's', path: '/posts/s', title: 'T', tags: [], summary: '', text: 'x', date: '2026-01-01T00:00:00Z' }
    const row = indexRow(doc)
    expect(planSearchIndex([{ rowid: 1, doc: 'post:s', hash: row.hash }], [row]).unchanged).toBe(true)
    const edited = indexRow({ ...doc, text: 'y' })
    const plan = planSearchIndex([{ rowid: 1, doc: 'post:s', hash: row.hash }, { rowid: 2, doc: 'post:gone', hash: 'h' }], [edited])
    expect(plan).toMatchObject({ deletes: [1, 2], changed: ['post:s'], removed: ['post:gone'], added: [] })
    const groups = searchStatements(plan)
    expect(groups.flat()[0]).toBe('DELETE FROM search_index WHERE rowid IN (1, 2)')
    expect(searchPurgeTags(plan)).toEqual(['search'])
    expect(searchPurgeTags(null)).toEqual([])
  })

  it('group statements under the size a command may have', () => {
    const rows = Array.from({ length: 30 }, (_, i) => indexRow({ kind: 'post', slug: `p${i}`, path: `/posts/p${i}`, title: 'T', tags: [], summary: '', text: 'word '.repeat(2_000), date: '2026-01-01T00:00:00Z' }))
    const groups = searchStatements(planSearchIndex([], rows), 50_000)
    expect(groups.length).toBeGreaterThan(1)
    for (const group of groups) expect(new TextEncoder().encode(group.join(';\n')).length).toBeLessThanOrEqual(50_000)
    expect(groups.flat()).toHaveLength(30)
  })
})

describe('snippetHtml', () => {
  it('escapes the text and turns only the index’s marks into balanced <mark> elements', () => {
    expect(snippetHtml(`<b>&"${MARK_START}été${MARK_END}'`)).toBe('&lt;b&gt;&amp;&quot;<mark>été</mark>&#39;')
    expect(snippetHtml(`${MARK_END}a${MARK_START}${MARK_START}b`)).toBe('a<mark>b</mark>')
  })
})
