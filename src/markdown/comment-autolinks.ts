/**
 * GFM's bare links in comment text, as marked finds them: `www.…` (at a line start or after
 * whitespace, `*`, `_`, `~` or `(`), `http(s)://…` and `ftp://…` anywhere, and e-mail addresses.
 * Every scan stops at whitespace, `<` or the next `@`, and the caller skips what a scan
 * consumed, so the work over a paragraph stays linear.
 */

const SCHEME = /(?:https?|ftp):\/\//iy
const HOST_START = /[a-zA-Z0-9-]/
const URL_END = /[\s<]/
const LOCAL_PART = /[A-Za-z0-9._+-]/
const DOMAIN = /[a-zA-Z0-9\-_]+(?:\.[a-zA-Z0-9\-_]*[a-zA-Z0-9])+(?![\w-])/y
/** Longer trailing clean-ups than this keep what they have (marked re-scans the URL each time). */
const MAX_BACKPEDAL_PASSES = 8

export interface Autolink {
  /** Source index where the link's text starts and ends. */
  start: number
  end: number
  href: string
}

/**
 * A `www.` or scheme link starting at `at`, ending before `stop` (an open bracket's `]` may
 * not be swallowed), or null.
 */
export function urlAt(src: string, at: number, stop: number): Autolink | null {
  let prefixEnd: number
  const www = src.startsWith('www.', at)
  if (www) {
    if (at > 0 && !/[\s*_~([]/.test(src[at - 1]!)) return null
    prefixEnd = at + 4
  } else {
    SCHEME.lastIndex = at
    if (!SCHEME.test(src)) return null
    prefixEnd = SCHEME.lastIndex
  }
  if (prefixEnd >= stop || !HOST_START.test(src[prefixEnd]!)) return null
  let end = prefixEnd
  while (end < stop && !URL_END.test(src[end]!)) end++
  end = backpedal(src, at, end)
  const text = src.slice(at, end)
  return { start: at, end, href: www ? `http://${text}` : text }
}

/**
 * Where marked's `_backpedal` leaves a URL running from `start` to `end`: trailing punctuation,
 * an unbalanced `(`, and a trailing entity-like `&name;` are not part of it. Same rules, but with
 * the next `)` found once and the passes capped, so a long tail of punctuation costs O(length).
 */
function backpedal(src: string, start: number, end: number): number {
  const nextClose: number[] = new Array(end - start)
  let close = -1
  for (let i = end - 1; i >= start; i--) {
    if (src[i] === ')') close = i
    nextClose[i - start] = close
  }
  for (let pass = 0; pass < MAX_BACKPEDAL_PASSES; pass++) {
    const stopped = backpedalPass(src, start, end, nextClose)
    if (stopped === end) break
    end = stopped
  }
  return end
}

const PUNCT = /[?!.,:;*_'"~)]/
const ENTITY_TAIL = /[a-zA-Z0-9]+;/y

function backpedalPass(src: string, start: number, end: number, nextClose: number[]): number {
  let i = start
  while (i < end) {
    const ch = src[i]!
    if (ch === '(') {
      const close = nextClose[i - start]!
      if (close < 0 || close >= end) return i
      i = close + 1
    } else if (ch === '&') {
      ENTITY_TAIL.lastIndex = i + 1
      if (ENTITY_TAIL.test(src) && ENTITY_TAIL.lastIndex === end) return i
      i++
    } else if (PUNCT.test(ch)) {
      let run = i
      while (run < end && PUNCT.test(src[run]!)) run++
      // A run that reaches the end is dropped whole over the passes; drop it at once.
      if (run === end) return i
      i = run
    } else i++
  }
  return i
}

/**
 * An e-mail address whose `@` is at `at`, its local part no earlier than `floor` (the start of
 * plain text): `mailto:` before it joins the link, `xmpp:` makes it plain text (not a safe link).
 */
export function emailAt(src: string, at: number, floor: number): Autolink | null {
  let start = at
  while (start > floor && LOCAL_PART.test(src[start - 1]!)) start--
  if (start === at) return null
  DOMAIN.lastIndex = at + 1
  const domain = DOMAIN.exec(src)
  if (!domain) return null
  const end = DOMAIN.lastIndex
  for (const scheme of ['mailto:', 'xmpp:']) {
    const from = start - scheme.length
    if (from >= floor && src.startsWith(scheme, from) && (from === 0 || !/[a-zA-Z0-9]/.test(src[from - 1]!))) {
      return { start: from, end, href: src.slice(from, end) }
    }
  }
  return { start, end, href: `mailto:${src.slice(start, end)}` }
}
