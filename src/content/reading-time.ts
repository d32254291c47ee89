import { Lexer, type Token } from 'marked'

/** Reading speed used for `readingMinutes`, in words a minute. */
export const WORDS_PER_MINUTE = 230

/** Length a derived summary is cut to, in characters, before its `…`. */
export const SUMMARY_LENGTH = 200

/** Tokens whose text readers do not read as prose. */
const SKIPPED = new Set(['code', 'html', 'image', 'def', 'space', 'hr'])

const FOOTNOTE_REF = /\[\^[^\]\s]+\]/g

/**
 * The words of a post: the text of its markdown with code blocks, raw HTML, images and markup
 * removed. Segmented with `Intl.Segmenter`, so text without spaces (Chinese, Japanese) counts
 * its words too.
 */
export function countWords(markdown: string, lang = 'en'): number {
  const text = blocksText(lex(markdown)).join('\n')
  let words = 0
  for (const segment of segmenter(lang).segment(text)) if (segment.isWordLike) words++
  return words
}

/** Minutes to read `words` words: at least 1. */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE))
}

/**
 * A plain-text summary: the first paragraph that has text (footnote definitions and image-only
 * paragraphs skipped), whitespace collapsed, cut at a word boundary near `max` characters with
 * `…`. Empty when the post has no paragraph.
 */
export function deriveSummary(markdown: string, max = SUMMARY_LENGTH): string {
  for (const token of lex(markdown)) {
    if (token.type !== 'paragraph' || /^\[\^[^\]]+\]:/.test(token.raw)) continue
    const text = inlineText(token.tokens ?? []).replace(/\s+/g, ' ').trim()
    if (text) return truncateAtWord(text, max)
  }
  return ''
}

/**
 * `text` cut to at most `max` characters plus `…`, at the last plain space or line break (never
 * at a non-breaking space, which typography put there to hold words together).
 */
export function truncateAtWord(text: string, max = SUMMARY_LENGTH): string {
  const chars = Array.from(text)
  if (chars.length <= max) return text
  const head = chars.slice(0, max + 1).join('')
  const cut = Math.max(head.lastIndexOf(' '), head.lastIndexOf('\n'))
  const kept = cut > 0 ? head.slice(0, cut) : chars.slice(0, max).join('')
  return `${kept.replace(/[\s,;:.!?…—–-]+$/u, '')}…`
}

function lex(markdown: string): Token[] {
  return new Lexer({ gfm: true }).lex(markdown)
}

function blocksText(tokens: Token[]): string[] {
  const out: string[] = []
  for (const token of tokens) {
    if (SKIPPED.has(token.type)) continue
    if (token.type === 'list') for (const item of token.items) out.push(...blocksText(item.tokens))
    else if (token.type === 'blockquote') out.push(...blocksText(token.tokens ?? []))
    else if (token.type === 'table') {
      for (const cell of token.header) out.push(inlineText(cell.tokens))
      for (const row of token.rows) for (const cell of row) out.push(inlineText(cell.tokens))
    } else if ('tokens' in token && token.tokens) out.push(inlineText(token.tokens))
    else if ('text' in token && typeof token.text === 'string') out.push(decodeEntities(token.text))
  }
  return out
}

function inlineText(tokens: Token[]): string {
  let text = ''
  for (const token of tokens) {
    if (SKIPPED.has(token.type)) continue
    if (token.type === 'br') text += '\n'
    else if ('tokens' in token && token.tokens) text += inlineText(token.tokens)
    else if (token.type === 'escape' || token.type === 'codespan') text += token.text
    else if ('text' in token) text += decodeEntities(token.text).replace(FOOTNOTE_REF, '')
  }
  return text
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', laquo: '«', raquo: '»',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', hellip: '…', mdash: '—', ndash: '–', shy: '',
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[\da-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
    if (name[0] !== '#') return NAMED_ENTITIES[name.toLowerCase()] ?? entity
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1))
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity
  })
}

const segmenters = new Map<string, Intl.Segmenter>()

function segmenter(lang: string): Intl.Segmenter {
  let found = segmenters.get(lang)
  if (!found) {
    found = new Intl.Segmenter(lang, { granularity: 'word' })
    segmenters.set(lang, found)
  }
  return found
}
