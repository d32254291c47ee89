/**
 * Block structure of a comment: paragraphs, blockquotes, fenced and indented code, and link
 * reference definitions. Everything else (headings, rules, lists, tables, HTML blocks) is
 * paragraph text, as it was under marked with those tokenizers turned off. One pass over the
 * lines per quote level, and quote levels are capped, so the work is linear in the input.
 */

export type CommentBlock =
  | { type: 'paragraph'; text: string }
  | { type: 'code'; text: string }
  | { type: 'quote'; blocks: CommentBlock[] }

/** A reference definition's destination, by normalized label. */
export type LinkDefinitions = Map<string, string>

/** Quotes nested deeper than this show their extra `>` as text (marked had no cap: O(depth × n)). */
export const MAX_QUOTE_DEPTH = 16

const BLANK = /^[ \t]*$/
const QUOTE = /^ {0,3}>/
const QUOTE_MARKER = /^ {0,3}>[ \t]?/
const FENCE_OPEN = /^( {0,3})(`{3,}(?=[^`]*$)|~{3,})/
const INDENTED = /^(?: {4}| {0,3}\t)/
const CODE_INDENT = /^(?: {0,3}\t| {1,4})/
const DEFINITION =
  /^ {0,3}\[(?!\s*\])((?:\\[\s\S]|[^[\]\\]){1,999})\]:[ \t]*(<(?:\\.|[^\n<>\\])*>|[^\s<]\S*)(?:[ \t]+(?:"(?:\\[\s\S]|[^"\\])*"|'(?:\\[\s\S]|[^'\\])*'|\((?:\\[\s\S]|[^()\\])*\)))?[ \t]*$/
// Lines that end a lazy quote continuation (marked's paragraph interruptions).
const HTML_TAGS =
  'address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|meta|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul'
const INTERRUPTS_LAZY = new RegExp(
  [
    '^ {0,3}(?:(?:-[\\t ]*){3,}|(?:_[ \\t]*){3,}|(?:\\*[ \\t]*){3,})$',
    '^ {0,3}#{1,6}(?:\\s|$)',
    '^ {0,3}(?:`{3,}(?=[^`]*$)|~~~)',
    '^ {0,3}(?:[*+-]|\\d{1,9}[.)])(?:[ \\t]|$)',
    `^ {0,3}(?:</?(?:${HTML_TAGS})(?:[ \\t]+|/?>|$)|<(?:(?:script|pre|style|textarea)(?:[\\s>]|$)|!--)|<\\?|<![A-Za-z]|<!\\[CDATA\\[)`,
  ].join('|'),
  'i',
)

/** The key a label is looked up by: trimmed, inner whitespace collapsed, case-folded. */
export function normalizeLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase().toUpperCase().toLowerCase()
}

/** Backslash escapes of ASCII punctuation removed, as in a link destination. */
export function unescapePunctuation(text: string): string {
  return text.replace(/\\([!"#$%&'()*+,\-./:;<=>?@[\]\\^_`{|}~])/g, '$1')
}

/** Splits a comment (newlines already `\n`) into blocks, filling `definitions` as it goes. */
export function parseBlocks(lines: string[], definitions: LinkDefinitions, depth = 0): CommentBlock[] {
  const blocks: CommentBlock[] = []
  let paragraph: string[] | null = null
  const closeParagraph = () => {
    if (paragraph) blocks.push({ type: 'paragraph', text: paragraph.join('\n') })
    paragraph = null
  }
  let i = 0
  while (i < lines.length) {
    const line = lines[i]!
    if (BLANK.test(line)) {
      closeParagraph()
      i++
      continue
    }
    const fence = FENCE_OPEN.exec(line)
    if (fence) {
      closeParagraph()
      i = parseFence(lines, i, fence[1]!.length, fence[2]!, blocks)
      continue
    }
    if (QUOTE.test(line) && depth < MAX_QUOTE_DEPTH) {
      closeParagraph()
      const quoted: string[] = []
      let lazyAllowed = false
      for (; i < lines.length; i++) {
        const next = lines[i]!
        if (QUOTE.test(next)) {
          const inner = next.replace(QUOTE_MARKER, '')
          quoted.push(inner)
          lazyAllowed = !BLANK.test(inner)
        } else if (lazyAllowed && !BLANK.test(next) && !INTERRUPTS_LAZY.test(next)) {
          quoted.push(next)
        } else break
      }
      blocks.push({ type: 'quote', blocks: parseBlocks(quoted, definitions, depth + 1) })
      continue
    }
    if (!paragraph && INDENTED.test(line)) {
      i = parseIndented(lines, i, blocks)
      continue
    }
    const definition = paragraph ? null : DEFINITION.exec(line)
    if (definition) {
      const label = normalizeLabel(definition[1]!)
      const href = unescapePunctuation(definition[2]!.replace(/^<(.*)>$/, '$1'))
      if (!definitions.has(label) && balancedParentheses(definition[2]!)) definitions.set(label, href)
      if (balancedParentheses(definition[2]!)) {
        i++
        continue
      }
    }
    ;(paragraph ??= []).push(line)
    i++
  }
  closeParagraph()
  return blocks
}

function parseFence(lines: string[], start: number, indent: number, marker: string, blocks: CommentBlock[]): number {
  const close = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},} *$`)
  const strip = new RegExp(`^[ \\t]{1,${Math.max(indent, 1)}}`)
  const content: string[] = []
  let i = start + 1
  for (; i < lines.length && !close.test(lines[i]!); i++) content.push(indent ? lines[i]!.replace(strip, '') : lines[i]!)
  blocks.push({ type: 'code', text: content.join('\n') })
  return i + 1
}

function parseIndented(lines: string[], start: number, blocks: CommentBlock[]): number {
  let end = start
  for (let i = start; i < lines.length; i++) {
    if (INDENTED.test(lines[i]!) && !BLANK.test(lines[i]!)) end = i + 1
    else if (!BLANK.test(lines[i]!)) break
  }
  const text = lines.slice(start, end).map((line) => line.replace(CODE_INDENT, '')).join('\n')
  blocks.push({ type: 'code', text })
  return end
}

function balancedParentheses(destination: string): boolean {
  if (destination.startsWith('<')) return true
  let depth = 0
  for (let i = 0; i < destination.length; i++) {
    const ch = destination[i]
    if (ch === '\\') i++
    else if (ch === '(') depth++
    else if (ch === ')' && --depth < 0) return false
  }
  return depth === 0
}
