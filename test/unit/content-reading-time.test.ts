import { describe, expect, it } from 'vitest'
import { countWords, deriveSummary, readingMinutes, truncateAtWord } from '../../src/content/reading-time'

const words = (n: number, word = 'word') => Array.from({ length: n }, () => word).join(' ')

describe('countWords', () => {
  it('counts the words of prose, not its markup', () => {
    expect(countWords('# A title\n\nSome **bold** and _italic_ [linked text](https://example.com) words.')).toBe(9)
  })
  it('leaves out fenced and indented code blocks, raw HTML and images', () => {
    const markdown = [
      'One two three.',
      '```js\nconst many = ["words", "in", "code"]\n```',
      '    indented code is code too',
      '<div class="note">html</div>',
      '![a long alternative text here](/media/x.png)',
    ].join('\n\n')
    expect(countWords(markdown)).toBe(3)
  })
  it('counts list items, table cells and block quotes', () => {
    expect(countWords('- apples\n- pears\n\n| fruit | colour |\n| --- | --- |\n| plum | purple |\n\n> quoted words')).toBe(8)
  })
  it('drops footnote references but reads footnote text', () => {
    expect(countWords('A claim[^1].\n\n[^1]: The source.')).toBe(4)
  })
  it('counts words in text without spaces (Japanese)', () => {
    expect(countWords('私は猫が好きです', 'ja')).toBeGreaterThan(3)
  })
  it('counts an elided French word as one and punctuation after non-breaking spaces as none', () => {
    expect(countWords('L’été arrive\u202f! Vraiment\u00a0: oui.', 'fr')).toBe(4)
  })
})

describe('readingMinutes', () => {
  it('reads 230 words a minute, rounded', () => {
    expect(readingMinutes(230 * 4)).toBe(4)
    expect(readingMinutes(230 * 4 + 120)).toBe(5)
  })
  it('is at least one minute, even for an empty post', () => {
    expect(readingMinutes(0)).toBe(1)
    expect(readingMinutes(20)).toBe(1)
  })
  it('matches countWords on a long post', () => {
    expect(readingMinutes(countWords(words(2300)))).toBe(10)
  })
})

describe('deriveSummary', () => {
  it('is the plain text of the first paragraph, markup and entities removed', () => {
    const markdown = '# Title\n\n![cover](/media/c.png)\n\nThe *first* paragraph &amp; [a link](/x)[^1].\n\nSecond one.'
    expect(deriveSummary(markdown)).toBe('The first paragraph & a link.')
  })
  it('skips footnote definitions and collapses line breaks', () => {
    expect(deriveSummary('[^1]: A note.\n\nLine one\nline two.')).toBe('Line one line two.')
  })
  it('cuts a long paragraph at a word boundary with an ellipsis', () => {
    const summary = deriveSummary(words(100, 'lorem'))
    expect(summary.endsWith('lorem…')).toBe(true)
    expect(summary.length).toBeLessThanOrEqual(201)
    expect(summary.length).toBeGreaterThan(150)
  })
  it('is empty when there is no paragraph', () => {
    expect(deriveSummary('## Only a heading\n\n```\ncode\n```')).toBe('')
  })
})

describe('truncateAtWord', () => {
  it('leaves short text alone', () => {
    expect(truncateAtWord('Short enough.', 20)).toBe('Short enough.')
  })
  it('never cuts at a non-breaking space, which holds « and » to their words', () => {
    const text = 'mot mot mot «\u00a0citation\u00a0» et la suite'
    expect(truncateAtWord(text, 23)).toBe('mot mot mot…')
    expect(truncateAtWord(text, 26)).toBe('mot mot mot «\u00a0citation\u00a0»…')
  })
  it('drops punctuation left dangling before the ellipsis', () => {
    expect(truncateAtWord('alpha beta, gamma delta', 12)).toBe('alpha beta…')
  })
  it('counts characters, not UTF-16 units, so emoji are never split', () => {
    const cut = truncateAtWord('😀'.repeat(30), 10)
    expect(cut).toBe(`${'😀'.repeat(10)}…`)
  })
})
