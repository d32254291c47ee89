import { Hono, type Context } from 'hono'
import { cacheFor } from '../cache/policy'
import { SEARCH_TAG } from '../cache/tags'
import { secondsUntilNextPost } from '../content/store'
import type { AppEnv } from '../env'
import { READ_FAILED, tryRead, UNAVAILABLE } from '../errors'
import { uiStrings } from '../i18n'
import { MAX_QUERY_LENGTH, MAX_QUERY_WORDS, readQuery } from '../search/query'
import { MAX_RESULT_PAGE, search as runSearch, type SearchResults } from '../search/service'
import { absoluteUrl, SEARCH_API_PATH, SEARCH_PATH, searchApiPath, searchPath } from '../urls'
import { SearchPage } from '../views/SearchPage'
import { apiError, htmlError } from './errors'
import { parsePage, publicReads } from './thread-read'

/**
 * Seconds a results page may be kept. Workers Cache purges them by tag when the index changes;
 * the Cache API cannot name the queries it holds, so there this is how stale they get.
 */
export const SEARCH_MAX_AGE = 60

/** What a search request asks, once read: an answer to send as it is, or a search to run. */
type Reading =
  | { answer: 'prompt' }
  | { answer: 'not_found' }
  /** `query`: what the form shows again, cut to the limit. */
  | { answer: 'too_long'; query: string }
  | { answer: 'redirect'; query: string; page: number }
  | { answer: 'search'; words: string[]; page: number }

/**
 * Reads `?q=` and `?page=`. Any spelling of a query other than its canonical one (case, spaces,
 * punctuation, `page=1`) is a redirect to it, so one search has one cache key; a query with no
 * word is the prompt; a page past `MAX_RESULT_PAGE` is not found without reading D1.
 */
function readSearch(c: Context<AppEnv>): Reading {
  const raw = c.req.query('q')
  const pageParam = c.req.query('page')
  if (raw === undefined) return pageParam === undefined ? { answer: 'prompt' } : { answer: 'redirect', query: '', page: 1 }
  const read = readQuery(raw)
  if (!read.ok) return { answer: 'too_long', query: raw.slice(0, MAX_QUERY_LENGTH) }
  const page = parsePage(pageParam)
  if (page === null || page > MAX_RESULT_PAGE) return { answer: 'not_found' }
  if (!read.canonical || raw !== read.canonical || pageParam === '1') return { answer: 'redirect', query: read.canonical, page }
  return { answer: 'search', words: read.words, page }
}

/** Runs the search; null when D1 failed (logged). Caches the answer for `SEARCH_MAX_AGE` at most. */
async function results(c: Context<AppEnv>, words: string[], page: number): Promise<SearchResults | null> {
  const now = new Date()
  const found = await tryRead('search', () => runSearch(publicReads(c.env.DB), words, page, now))
  if (found === READ_FAILED) return null
  const untilNext = secondsUntilNextPost(c.get('index'), now)
  cacheFor(c, [SEARCH_TAG], Math.min(SEARCH_MAX_AGE, untilNext ?? SEARCH_MAX_AGE))
  return found
}

/** The search routes: the results page and the same results as JSON. */
export const search = new Hono<AppEnv>()

search.get(SEARCH_PATH, async (c) => {
  const site = c.get('index').site
  const reading = readSearch(c)
  if (reading.answer === 'redirect') return c.redirect(searchPath(reading.query, reading.page), 301)
  if (reading.answer === 'not_found') return c.notFound()
  if (reading.answer === 'too_long') return htmlError(c, 'query_too_long', <SearchPage site={site} state="too_long" query={reading.query} />)
  if (reading.answer === 'prompt') {
    cacheFor(c, [SEARCH_TAG])
    return c.html(<SearchPage site={site} state="prompt" />)
  }
  const found = await results(c, reading.words, reading.page)
  if (!found) return htmlError(c, 'unavailable', <SearchPage site={site} state="unavailable" query={reading.words.join(' ')} />)
  if (reading.page > found.pageCount) return c.notFound()
  return c.html(<SearchPage site={site} state="results" results={found} />)
})

search.get(SEARCH_API_PATH, async (c) => {
  const site = c.get('index').site
  const reading = readSearch(c)
  if (reading.answer === 'redirect') return c.redirect(searchApiPath(reading.query, reading.page), 301)
  if (reading.answer === 'not_found') return apiError(c, { code: 'not_found', message: `There is no such page of results (at most ${MAX_RESULT_PAGE}).` })
  if (reading.answer === 'too_long') return apiError(c, { code: 'query_too_long', message: uiStrings('en').search.tooLong(MAX_QUERY_LENGTH, MAX_QUERY_WORDS) })
  if (reading.answer === 'prompt') {
    cacheFor(c, [SEARCH_TAG])
    return c.json({ query: '', page: 1, pageCount: 1, total: 0, results: [] } satisfies SearchResults)
  }
  const found = await results(c, reading.words, reading.page)
  if (!found) return apiError(c, UNAVAILABLE)
  if (reading.page > found.pageCount) return apiError(c, { code: 'not_found', message: `This search has ${found.pageCount} page(s) of results.` })
  return c.json({ ...found, results: found.results.map((result) => ({ ...result, url: absoluteUrl(site, result.path) })) })
})
