/**
 * How a reader's query is read: pure functions, no bindings. The reader's text is never FTS5
 * syntax: it is cut into words (letters, digits and the marks on them), and each word becomes a
 * quoted FTS5 string, so `NEAR`, `OR`, `*`, `"`, `-`, `^`, `:` and parentheses are only ever
 * separators or words to look for.
 */

/** Longest query read, in characters as sent; longer is refused (`query_too_long`). */
export const MAX_QUERY_LENGTH = 200
/** Most words read; more is refused (`query_too_long`). Every word is one more FTS5 term. */
export const MAX_QUERY_WORDS = 12

/** Letters and digits with their combining marks: what FTS5's unicode61 tokenizer keeps as a word. */
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu

/** A query as the search reads it. */
export type ReadQuery =
  | {
      ok: true
      /** Lowercase NFKC words, each once, in the reader's order. */
      words: string[]
      /** The words joined by single spaces: the one spelling of this query (URL and cache key). */
      canonical: string
    }
  | { ok: false; reason: 'too_long' }

/**
 * Reads `raw` (any string: lone surrogates, NUL, markup, operators): NFKC-normalized, lowercased,
 * cut into words, duplicates dropped. No word at all is a valid, empty query. Over
 * `MAX_QUERY_LENGTH` characters or `MAX_QUERY_WORDS` words is refused rather than cut, so a
 * reader never gets results for a query other than the one they typed.
 */
export function readQuery(raw: string): ReadQuery {
  if (raw.length > MAX_QUERY_LENGTH) return { ok: false, reason: 'too_long' }
  // A lone surrogate is no letter: the word pattern (a `u` regex) skips it like any separator.
  const text = raw.normalize('NFKC').toLowerCase()
  const words = [...new Set(text.match(WORD) ?? [])]
  if (words.length > MAX_QUERY_WORDS) return { ok: false, reason: 'too_long' }
  return { ok: true, words, canonical: words.join(' ') }
}

/**
 * The FTS5 MATCH expression for `words` (from `readQuery`): every word must appear (implicit
 * AND), each as a quoted string, and each of two characters or more also as a prefix
 * (`"entrepre"*` finds "entrepreneuriat"; one letter alone would match most of the index).
 * Empty for no words: the caller must not query then.
 */
export function matchExpression(words: readonly string[]): string {
  return words.map((word) => `"${word.replace(/"/g, '""')}"${[...word].length > 1 ? '*' : ''}`).join(' ')
}
