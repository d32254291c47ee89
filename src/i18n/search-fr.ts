import type { SearchStrings } from './search-types'

export const searchFr: SearchStrings = {
  label: 'Recherche',
  field: 'Rechercher sur le site',
  button: 'Rechercher',
  resultsFor: (query) => `Résultats pour «\u00a0${query}\u00a0»`,
  count: { one: '{n} résultat', other: '{n} résultats' },
  noResults: 'Rien ne contient tous ces mots. Essayez avec moins de mots, ou le début d’un mot.',
  prompt: 'Tapez un ou plusieurs mots\u00a0: les résultats les contiennent tous, sans tenir compte des accents ni des majuscules\u00a0; le début d’un mot suffit.',
  pagination: 'Pages de résultats',
  previous: 'Résultats précédents',
  next: 'Plus de résultats',
  pageOf: (page, pages) => `Page ${page} sur ${pages}`,
  tooLong: (maxLength, maxWords) => `Cette recherche est trop longue\u00a0: ${maxLength} caractères et ${maxWords} mots au plus.`,
  unavailable: 'La recherche est momentanément indisponible. Réessayez dans un instant.',
  kindPage: 'Page',
}
