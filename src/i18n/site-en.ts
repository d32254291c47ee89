import type { SiteStrings } from './site-types'

export const siteEn: SiteStrings = {
  nav: { archive: 'Archive', tags: 'Tags' },
  archive: {
    title: 'Archive',
    count: { one: '{n} post', other: '{n} posts' },
  },
  tags: {
    title: 'Tags',
    count: { one: '{n} post', other: '{n} posts' },
    none: 'No tags yet.',
  },
  postNav: { label: 'More posts', older: 'Previous post', newer: 'Next post' },
  draftPage: 'Draft preview: readers cannot see this page.',
  translations: 'Also in',
}
