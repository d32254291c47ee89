import type { SiteStrings } from './site-types'

export const siteFr: SiteStrings = {
  nav: { archive: 'Archives', tags: 'Étiquettes' },
  archive: {
    title: 'Archives',
    count: { one: '{n} billet', other: '{n} billets' },
  },
  tags: {
    title: 'Étiquettes',
    count: { one: '{n} billet', other: '{n} billets' },
    none: 'Aucune étiquette pour l’instant.',
  },
  postNav: { label: 'Autres billets', older: 'Billet précédent', newer: 'Billet suivant' },
  draftPage: 'Aperçu d’un brouillon\u00a0: les lecteurs ne voient pas cette page.',
  translations: 'Aussi en',
}
