import { unescapePunctuation } from './comment-blocks'

/**
 * The `(destination "title")` after a link's `]`, as marked reads it: a destination in `<…>` or
 * a run without spaces whose parentheses balance (the first `)` that closes nothing ends the
 * link), then an optional title in `"…"`, `'…'` or `(…)` after whitespace, then `)`.
 */

/** Steps left for link tails in one paragraph: each failed tail can rescan the rest of it. */
export interface LinkBudget {
  steps: number
}

const SPACE = /[ \t\n]/
const CONTROL = /[\x00-\x1f]/

/** Parses from `at` (just after `(`); the href (escapes removed) and the index after `)`. */
export function parseLinkTail(src: string, at: number, budget: LinkBudget): { href: string; end: number } | null {
  if (budget.steps <= 0) return null
  const result = scan(src, at, budget)
  budget.steps -= Math.max(1, ('failed' in result ? result.failed : result.end) - at)
  return 'failed' in result ? null : result
}

type Scan = { href: string; end: number } | { failed: number }

function scan(src: string, at: number, budget: LinkBudget): Scan {
  let i = skipSpace(src, at)
  let href: string
  if (src[i] === '<') {
    const startDest = i + 1
    for (i = startDest; i < src.length && src[i] !== '>'; i++) {
      if (src[i] === '\\') i++
      else if (src[i] === '\n' || src[i] === '<') return fail(i)
    }
    if (i >= src.length) return fail(i)
    href = src.slice(startDest, i)
    i++
  } else {
    const startDest = i
    let depth = 0
    for (; i < src.length; i++) {
      const ch = src[i]!
      if (ch === '\\' && i + 1 < src.length && !SPACE.test(src[i + 1]!)) i++
      else if (ch === '(') depth++
      else if (ch === ')') {
        if (depth === 0) break
        depth--
      } else if (SPACE.test(ch) || CONTROL.test(ch)) break
      if (i - at > budget.steps) return fail(i)
    }
    if (depth > 0) return fail(i)
    href = src.slice(startDest, i)
  }
  const afterDest = i
  i = skipSpace(src, i)
  if (i > afterDest && (src[i] === '"' || src[i] === "'" || src[i] === '(')) {
    const close = src[i] === '(' ? ')' : src[i]!
    for (i++; i < src.length && src[i] !== close; i++) {
      if (src[i] === '\\') i++
      if (i - at > budget.steps) return fail(i)
    }
    if (i >= src.length) return fail(i)
    i = skipSpace(src, i + 1)
  }
  if (src[i] !== ')') return fail(i)
  return { href: unescapePunctuation(href), end: i + 1 }
}

function fail(at: number): Scan {
  return { failed: at }
}

function skipSpace(src: string, i: number): number {
  while (i < src.length && SPACE.test(src[i]!)) i++
  return i
}
