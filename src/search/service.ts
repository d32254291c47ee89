import { matchExpression } from './query'
import { hasMark, snippetHtml, snippetText } from './snippet'
import { searchIndex } from './store'

/** Results on one page of a search. */
export const RESULTS_PER_PAGE = 10
/** Last page a search shows: with the query's length capped, this bounds the pages a client can ask for. */
export const MAX_RESULT_PAGE = 100

/** One result as both the page and the JSON API show it. */
export interface SearchResult {
  kind: 'post' | 'page'
  /** Root-relative path of the post or page. */
  path: string
  title: string
  /** ISO 8601 instant of publication; absent for a page, which has no date. */
  date?: string
  /** The document's language, when it names one. */
  lang?: string
  /** The snippet as text, and as HTML with the matched words in `<mark>` (everything else escaped). */
  snippet: string
  snippetHtml: string
}

export interface SearchResults {
  /** The canonical query (`readQuery`). */
  query: string
  page: number
  pageCount: number
  total: number
  results: SearchResult[]
}

/**
 * Page `page` of the public documents matching every one of `words` (from `readQuery`, at least
 * one) at `now`. The snippet comes from the text where a word matched there, else from the
 * summary. Throws when D1 fails (callers use `tryRead`).
 */
export async function search(db: D1Database | D1DatabaseSession, words: readonly string[], page: number, now: Date): Promise<SearchResults> {
  const { rows, total } = await searchIndex(db, {
    match: matchExpression(words),
    now: now.getTime(),
    limit: RESULTS_PER_PAGE,
    offset: (page - 1) * RESULTS_PER_PAGE,
  })
  const results = rows.map((row): SearchResult => {
    const snippet = hasMark(row.body_snippet) || !row.summary_snippet ? row.body_snippet : row.summary_snippet
    return {
      kind: row.kind === 'page' ? 'page' : 'post',
      path: row.path,
      title: row.title,
      ...(row.kind !== 'page' && { date: new Date(row.published_at).toISOString() }),
      ...(row.lang && { lang: row.lang }),
      snippet: snippetText(snippet),
      snippetHtml: snippetHtml(snippet),
    }
  })
  const pageCount = Math.min(MAX_RESULT_PAGE, Math.max(1, Math.ceil(total / RESULTS_PER_PAGE)))
  return { query: words.join(' '), page, pageCount, total, results }
}
