import { emailAt, urlAt } from './comment-autolinks'
import { type Delimiter, DelimiterStack } from './comment-emphasis'
import { type LinkDefinitions, normalizeLabel } from './comment-blocks'
import { type LinkBudget, parseLinkTail } from './comment-link-tail'
import { escapeHtml, escapeText, renderText } from './comment-text'

/**
 * Inline markdown of one paragraph: backslash escapes, code spans, emphasis and strong, links
 * (inline, reference, `<autolinks>` and GFM's bare ones), line breaks (every newline, as with
 * marked's `breaks: true`). Raw HTML, images and strikethrough stay as typed. One left-to-right
 * scan; emphasis is CommonMark's delimiter algorithm with its "openers bottom" (linear), links
 * its bracket stack (each `]` looks at one opener). `ops`, when given, counts the steps.
 */

/** Turns a link's destination into the href to emit, or null to show its text alone. */
export type HrefFilter = (href: string) => string | null

interface Bracket {
  piece: number
  /** Source index after the `[`. */
  start: number
  image: boolean
  active: boolean
  /** The delimiter on top when the bracket opened: emphasis inside is processed above it. */
  bottom: Delimiter | null
  /** Bare URLs linked inside; plain text again if the bracket becomes a link (no links in links). */
  urls: { piece: number; text: string }[]
  prev: Bracket | null
}

const PUNCTUATION = /[\p{P}\p{S}]/u
const WHITESPACE = /\s/u
const ASCII_PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\]\\^_`{|}~]/
const AUTOLINK = /<([a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^\s\x00-\x1f<>]*)>/y
const AUTOLINK_EMAIL =
  /<([a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+)(?![-_])>/y
// Characters where plain text may stop being plain.
const SPECIAL = /[\\`*_[\]!<\n@hHfFw]/g

/** The code point before `i` (a whole surrogate pair), or a newline at the start. */
function charBefore(src: string, i: number): string {
  if (i <= 0) return '\n'
  const low = src.charCodeAt(i - 1)
  return low >= 0xdc00 && low <= 0xdfff && i >= 2 ? src.slice(i - 2, i) : src[i - 1]!
}

function charAfter(src: string, i: number): string {
  if (i >= src.length) return '\n'
  return String.fromCodePoint(src.codePointAt(i)!)
}

export class InlineRenderer {
  private pieces: string[] = []
  private readonly delimiters: DelimiterStack
  private brackets: Bracket | null = null
  private textStart = 0
  private pos = 0
  /** Backtick runs by length: start indexes, and how far each list has been consumed. */
  private runs: Map<number, { starts: number[]; next: number }> | null = null
  private readonly budget: LinkBudget
  /** The next `]` at or after `pos`, found once per `]`. */
  private nextClose = -1

  constructor(
    private readonly src: string,
    private readonly definitions: LinkDefinitions,
    private readonly filter: HrefFilter,
    private readonly ops: { count: number } = { count: 0 },
  ) {
    this.budget = { steps: 2 * src.length + 1024 }
    this.delimiters = new DelimiterStack(this.pieces, ops)
  }

  render(): string {
    const { src } = this
    SPECIAL.lastIndex = 0
    while (this.pos < src.length) {
      SPECIAL.lastIndex = this.pos
      const found = SPECIAL.exec(src)
      this.ops.count++
      if (!found) break
      this.pos = found.index
      this.special(src[this.pos]!)
    }
    this.flush(src.length)
    this.delimiters.process(null)
    return this.pieces.join('')
  }

  /** Handles the character at `pos`, which may start markup; leaves `pos` after what it took. */
  private special(ch: string): void {
    const { src, pos } = this
    switch (ch) {
      case '\\': {
        const next = src[pos + 1]
        if (next === '\n') return this.lineBreak(pos, pos + 2)
        if (next !== undefined && ASCII_PUNCTUATION.test(next)) {
          this.emit(pos, pos + 2, escapeText(next))
          return
        }
        break
      }
      case '\n':
        return this.lineBreak(pos, pos + 1)
      case '`':
        return this.codeSpan()
      case '*':
      case '_':
        return this.delimiterRun(ch)
      case '[':
        return this.openBracket(pos, pos + 1, false)
      case '!':
        if (src[pos + 1] === '[') return this.openBracket(pos, pos + 2, true)
        break
      case ']':
        return this.closeBracket()
      case '<':
        return this.angleAutolink()
      case '@':
        return this.email()
      default:
        if (this.bareUrl()) return
    }
    this.pos = pos + 1
  }

  /** Ends the plain text before `from`, appends `html` for the source up to `to`. */
  private emit(from: number, to: number, html: string): number {
    this.flush(from)
    this.pieces.push(html)
    this.pos = this.textStart = to
    return this.pieces.length - 1
  }

  private flush(end: number): void {
    if (end > this.textStart) this.pieces.push(renderText(this.src.slice(this.textStart, end)))
    this.textStart = end
  }

  private lineBreak(from: number, to: number): void {
    let start = from
    if (this.src[from] === '\n') while (start > this.textStart && this.src[start - 1] === ' ') start--
    let end = to
    while (this.src[end] === ' ' || this.src[end] === '\t') end++
    this.emit(start, end, '<br>')
  }

  private codeSpan(): void {
    const { src, pos } = this
    let end = pos
    while (src[end] === '`') end++
    const length = end - pos
    const close = this.closingRun(length, end)
    if (close < 0) {
      this.pos = end
      return
    }
    let text = src.slice(end, close).replace(/\n/g, ' ')
    if (/[^ ]/.test(text) && text.startsWith(' ') && text.endsWith(' ')) text = text.slice(1, -1)
    this.emit(pos, close + length, `<code>${escapeHtml(text)}</code>`)
  }

  /** The start of the first backtick run of exactly `length` at or after `from`, or -1. */
  private closingRun(length: number, from: number): number {
    if (!this.runs) {
      this.runs = new Map()
      for (let i = this.src.indexOf('`'); i >= 0; i = this.src.indexOf('`', i)) {
        let end = i
        while (this.src[end] === '`') end++
        this.ops.count++
        const list = this.runs.get(end - i) ?? { starts: [], next: 0 }
        list.starts.push(i)
        this.runs.set(end - i, list)
        i = end
      }
    }
    const list = this.runs.get(length)
    if (!list) return -1
    while (list.next < list.starts.length && list.starts[list.next]! < from) {
      list.next++
      this.ops.count++
    }
    return list.next < list.starts.length ? list.starts[list.next]! : -1
  }

  private delimiterRun(char: string): void {
    const { src, pos } = this
    let end = pos
    while (src[end] === char) end++
    const before = charBefore(src, pos)
    const after = charAfter(src, end)
    const spaceBefore = WHITESPACE.test(before)
    const spaceAfter = WHITESPACE.test(after)
    const punctBefore = PUNCTUATION.test(before)
    const punctAfter = PUNCTUATION.test(after)
    const left = !spaceAfter && (!punctAfter || spaceBefore || punctBefore)
    const right = !spaceBefore && (!punctBefore || spaceAfter || punctAfter)
    const canOpen = char === '*' ? left : left && (!right || punctBefore)
    const canClose = char === '*' ? right : right && (!left || punctAfter)
    if (!canOpen && !canClose) {
      this.pos = end
      return
    }
    this.delimiters.push(this.emit(pos, end, ''), char, end - pos, canOpen, canClose)
  }

  private openBracket(from: number, to: number, image: boolean): void {
    const piece = this.emit(from, to, image ? '![' : '[')
    this.brackets = { piece, start: to, image, active: true, bottom: this.delimiters.top, urls: [], prev: this.brackets }
  }

  private closeBracket(): void {
    const { src, pos } = this
    const bracket = this.brackets
    if (!bracket) {
      this.pos = pos + 1
      return
    }
    this.brackets = bracket.prev
    if (!bracket.active) {
      this.pos = pos + 1
      return
    }
    const link = this.linkAfter(bracket, pos)
    if (!link) {
      this.pos = pos + 1
      return
    }
    this.flush(pos)
    this.delimiters.process(bracket.bottom)
    if (bracket.image) {
      // marked's images were shown as their markdown; the text inside is not parsed.
      this.pieces.length = bracket.piece
      this.pieces.push(escapeHtml(src.slice(bracket.start - 2, link.end)))
    } else {
      for (const url of bracket.urls) this.pieces[url.piece] = url.text
      const href = this.filter(link.href)
      this.pieces[bracket.piece] = href === null ? '' : `<a href="${escapeHtml(href)}">`
      this.pieces.push(href === null ? '' : '</a>')
      // No links in links: earlier openers can no longer become one.
      for (let b = this.brackets; b; b = b.prev) if (!b.image) b.active = false
    }
    this.pos = this.textStart = link.end
  }

  /** The link a `]` at `close` ends: inline `(…)`, `[ref]`, `[]` or a shortcut; else null. */
  private linkAfter(bracket: Bracket, close: number): { href: string; end: number } | null {
    const { src } = this
    if (src[close + 1] === '(') {
      const before = this.budget.steps
      const tail = parseLinkTail(src, close + 2, this.budget)
      this.ops.count += before - this.budget.steps
      if (tail) return tail
    }
    if (this.definitions.size === 0 || close - bracket.start > 999 || this.budget.steps <= 0) return null
    let label = src.slice(bracket.start, close)
    let end = close + 1
    if (src[close + 1] === '[') {
      const refEnd = src.indexOf(']', close + 2)
      const ref = refEnd < 0 ? '' : src.slice(close + 2, refEnd)
      if (refEnd >= 0 && ref.length <= 999 && !ref.includes('[')) {
        if (ref.trim()) label = ref
        end = refEnd + 1
      }
    }
    if (label.length > 999) return null
    this.budget.steps -= label.length
    this.ops.count += label.length
    const href = this.definitions.get(normalizeLabel(label))
    if (href === undefined) return null
    return { href, end }
  }

  private angleAutolink(): void {
    const { src, pos } = this
    for (const pattern of [AUTOLINK, AUTOLINK_EMAIL]) {
      pattern.lastIndex = pos
      const match = pattern.exec(src)
      this.ops.count++
      if (!match) continue
      const text = match[1]!
      const href = this.filter(pattern === AUTOLINK ? text : `mailto:${text}`)
      const html = escapeText(text)
      this.emit(pos, pattern.lastIndex, href === null ? html : `<a href="${escapeHtml(href)}">${html}</a>`)
      return
    }
    this.pos = pos + 1
  }

  private email(): void {
    const link = emailAt(this.src, this.pos, this.textStart)
    if (!link) {
      this.pos++
      return
    }
    this.autolink(link.start, link.end, link.href)
  }

  private bareUrl(): boolean {
    const stop = this.brackets ? this.nextBracketClose() : this.src.length
    const link = urlAt(this.src, this.pos, stop)
    if (!link) return false
    this.autolink(link.start, link.end, link.href)
    return true
  }

  /** Where an open bracket's `]` may be: a bare URL inside a link's text stops there. */
  private nextBracketClose(): number {
    if (this.nextClose < this.pos) {
      const close = this.src.indexOf(']', this.pos)
      this.nextClose = close < 0 ? this.src.length : close
      this.ops.count += this.nextClose - this.pos
    }
    return this.nextClose
  }

  private autolink(start: number, end: number, href: string): void {
    const text = escapeText(this.src.slice(start, end))
    const safe = this.filter(href)
    const piece = this.emit(start, end, safe === null ? text : `<a href="${escapeHtml(safe)}">${text}</a>`)
    if (this.brackets && safe !== null) this.brackets.urls.push({ piece, text })
  }
}
