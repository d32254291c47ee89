import type { UiStrings } from '../i18n'
import { MAX_QUERY_LENGTH } from '../search/query'
import { SEARCH_PATH } from '../urls'

interface SearchFormProps {
  ui: UiStrings
  /** The field's id (the header's form and the results page's are both on that page). */
  id: string
  /** The query to show in the field (the results page's). */
  value?: string
  /** The header's form: its label is visually hidden. Each form names its landmark differently. */
  compact?: boolean
}

/**
 * The search form: a plain GET to `/search`, so it works without JavaScript; the route
 * redirects the query to its canonical spelling. `maxlength` matches the server's limit, which
 * refuses longer queries anyway.
 */
export function SearchForm({ ui, id, value, compact }: SearchFormProps) {
  return (
    <form class={compact ? 'search-form compact' : 'search-form'} role="search" action={SEARCH_PATH} method="get" aria-label={compact ? ui.search.label : ui.search.field}>
      <label for={id} class={compact ? 'visually-hidden' : undefined}>
        {ui.search.field}
      </label>
      <input type="search" id={id} name="q" value={value} maxlength={MAX_QUERY_LENGTH} autocomplete="off" enterkeyhint="search" />
      <button type="submit">{ui.search.button}</button>
    </form>
  )
}
