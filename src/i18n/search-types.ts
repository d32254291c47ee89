import type { PluralMessage } from './types'

/** The search form, the results page and its refusals. */
export interface SearchStrings {
  /** The form's accessible name and the results page's title without a query. */
  label: string
  /** The text field's label (visually hidden in the header). */
  field: string
  button: string
  /** The results page's title. */
  resultsFor: (query: string) => string
  count: PluralMessage
  noResults: string
  /** The page without a query. */
  prompt: string
  pagination: string
  previous: string
  next: string
  pageOf: (page: number, pages: number) => string
  tooLong: (maxLength: number, maxWords: number) => string
  unavailable: string
  kindPage: string
}
