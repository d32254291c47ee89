/**
 * The search's addresses. A results page is `/search?q=<canonical query>` (`&page=<n>` after
 * the first): the query as `readQuery` spells it, so that one search has one URL and one cache
 * entry, and the form's own submissions (any spelling) are redirected there.
 */

export const SEARCH_PATH = '/search'
export const SEARCH_API_PATH = '/api/search'

/** The query string of page `page` of the results for the canonical query `q`. */
function searchQuery(q: string, page: number): string {
  const params = new URLSearchParams(q ? [['q', q]] : [])
  if (q && page > 1) params.set('page', String(page))
  const query = params.toString()
  return query && `?${query}`
}

/** Page `page` of the results page for the canonical query `q` (`/search` alone for none). */
export function searchPath(q: string, page = 1): string {
  return SEARCH_PATH + searchQuery(q, page)
}

/** The same results as JSON. */
export function searchApiPath(q: string, page = 1): string {
  return SEARCH_API_PATH + searchQuery(q, page)
}
