import { raw } from 'hono/html'
import type { SiteConfig } from '../content/types'
import { formatCount, formatDate, uiStrings } from '../i18n'
import { MAX_QUERY_LENGTH, MAX_QUERY_WORDS } from '../search/query'
import { RESULTS_PER_PAGE, type SearchResult, type SearchResults } from '../search/service'
import { searchPath } from '../urls'
import { Layout } from './Layout'
import { SearchForm } from './SearchForm'

export type SearchPageProps =
  | { site: SiteConfig; state: 'prompt' }
  | { site: SiteConfig; state: 'results'; results: SearchResults }
  | { site: SiteConfig; state: 'too_long' | 'unavailable'; query: string }

/**
 * The search page: the form with the query, then the results (title, date, snippet with the
 * matched words in `<mark>`), their number and links to more; or a prompt without a query, or
 * why the search could not run. The query is text everywhere it is shown (JSX escapes it).
 */
export function SearchPage(props: SearchPageProps) {
  const { site } = props
  const ui = uiStrings(site.language)
  const query = props.state === 'results' ? props.results.query : props.state === 'prompt' ? '' : props.query
  const title = props.state === 'results' ? ui.search.resultsFor(query) : ui.search.label
  const page = props.state === 'results' ? props.results.page : 1
  return (
    <Layout site={site} title={page > 1 ? `${title} (${ui.search.pageOf(page, props.state === 'results' ? props.results.pageCount : 1)})` : title} path={props.state === 'results' ? searchPath(query, page) : undefined} noindex>
      <h1>{title}</h1>
      <SearchForm ui={ui} id="search-page-q" value={query} />
      {props.state === 'prompt' && <p>{ui.search.prompt}</p>}
      {props.state === 'too_long' && <p class="form-errors" role="alert">{ui.search.tooLong(MAX_QUERY_LENGTH, MAX_QUERY_WORDS)}</p>}
      {props.state === 'unavailable' && <p class="form-errors" role="alert">{ui.search.unavailable}</p>}
      {props.state === 'results' && <Results site={site} results={props.results} />}
    </Layout>
  )
}

function Results({ site, results }: { site: SiteConfig; results: SearchResults }) {
  const ui = uiStrings(site.language)
  if (!results.total) return <p class="search-count">{ui.search.noResults}</p>
  return (
    <>
      <p class="search-count meta">{formatCount(ui.search.count, results.total, site.language)}</p>
      <ol class="search-results" start={(results.page - 1) * RESULTS_PER_PAGE + 1}>
        {results.results.map((result) => (
          <ResultItem site={site} result={result} />
        ))}
      </ol>
      <ResultPages results={results} site={site} />
    </>
  )
}

function ResultItem({ site, result }: { site: SiteConfig; result: SearchResult }) {
  const lang = result.lang && result.lang !== site.language ? result.lang : undefined
  return (
    <li>
      <h2 lang={lang}>
        <a href={result.path}>{result.title}</a>
      </h2>
      {result.date && (
        <p class="meta">
          <time datetime={result.date}>{formatDate(result.date, site.language, site.timeZone)}</time>
        </p>
      )}
      {/* snippetHtml escapes the text and adds only <mark> (src/search/snippet.ts). */}
      {result.snippetHtml && <p lang={lang}>{raw(result.snippetHtml)}</p>}
    </li>
  )
}

function ResultPages({ results, site }: { results: SearchResults; site: SiteConfig }) {
  const ui = uiStrings(site.language)
  const { page, pageCount, query } = results
  if (pageCount <= 1) return null
  return (
    <nav class="pagination" aria-label={ui.search.pagination}>
      {page > 1 && (
        <a class="newer" href={searchPath(query, page - 1)} rel="prev">
          ← {ui.search.previous}
        </a>
      )}
      <span>{ui.search.pageOf(page, pageCount)}</span>
      {page < pageCount && (
        <a class="older" href={searchPath(query, page + 1)} rel="next">
          {ui.search.next} →
        </a>
      )}
    </nav>
  )
}
