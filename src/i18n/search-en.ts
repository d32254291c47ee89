import type { SearchStrings } from './search-types'

export const searchEn: SearchStrings = {
  label: 'Search',
  field: 'Search the site',
  button: 'Search',
  resultsFor: (query) => `Search results for “${query}”`,
  count: { one: '{n} result', other: '{n} results' },
  noResults: 'Nothing matches all these words. Try fewer words, or the start of a word.',
  prompt: 'Type one or more words: results contain all of them, accents and case ignored, the start of a word is enough.',
  pagination: 'Result pages',
  previous: 'Previous results',
  next: 'More results',
  pageOf: (page, pages) => `Page ${page} of ${pages}`,
  tooLong: (maxLength, maxWords) => `This search is too long: at most ${maxLength} characters and ${maxWords} words.`,
  unavailable: 'Search is unavailable for a moment. Please try again shortly.',
  kindPage: 'Page',
}
