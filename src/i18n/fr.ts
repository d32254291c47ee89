import { adminFr } from './admin-fr'
import { commentsFr } from './comments-fr'
import { siteFr } from './site-fr'
import { searchFr } from './search-fr'
import type { UiStrings } from './types'

// French typography: a no-break space (U+00A0) inside « » and before : ; ! ?
export const fr: UiStrings = {
  lang: 'fr',
  skipToContent: 'Aller au contenu',
  mainNav: 'Site',
  home: 'Accueil',
  feeds: { label: 'S’abonner\u00a0:', atom: 'Flux Atom', rss: 'Flux RSS' },
  poweredBy: 'Propulsé par Palabre',
  social: 'Ailleurs',
  list: {
    noPosts: 'Rien de publié pour l’instant.',
    pagination: 'Pages',
    newer: 'Billets plus récents',
    older: 'Billets plus anciens',
    pageTitle: (page) => `Page ${page}`,
  },
  post: {
    published: 'Publié le',
    draftDated: 'Brouillon daté du',
    scheduledFor: 'Programmé pour le',
    updated: 'Mis à jour le',
    readingTime: { one: '{n} minute de lecture', other: '{n} minutes de lecture' },
    tags: 'Étiquettes',
    share: 'Partager',
    shareOn: (network) => `Partager sur ${network}`,
    shareByEmail: 'Partager par courriel',
    draftPreview: 'Aperçu d’un brouillon\u00a0: les lecteurs ne voient pas ce billet.',
    scheduledPreview: (date) => `Aperçu\u00a0: les lecteurs verront ce billet à partir du ${date}.`,
  },
  tag: {
    title: (tag) => `Billets étiquetés «\u00a0${tag}\u00a0»`,
    count: { one: '{n} billet', other: '{n} billets' },
  },
  notFound: {
    title: 'Page introuvable',
    message: 'Il n’y a rien à cette adresse. La page a peut-être été déplacée, ou n’a jamais existé.',
    home: 'Retour à l’accueil',
  },
  error: {
    title: 'Une erreur est survenue',
    message: 'La page n’a pas pu être affichée. Veuillez réessayer dans un instant.',
    home: 'Retour à l’accueil',
  },
  comments: commentsFr,
  admin: adminFr,
  // pages: the site around the posts.
  site: siteFr,
  // Search
  search: searchFr,
  markdown: {
    headingAnchor: (heading) => `Lien vers la section «\u00a0${heading}\u00a0»`,
    footnotes: 'Notes',
    backToReference: (n) => `Retour à l’appel de note ${n}`,
  },
}
