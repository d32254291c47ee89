import { adminEn } from './admin-en'
import { commentsEn } from './comments-en'
import { siteEn } from './site-en'
import { searchEn } from './search-en'
import type { UiStrings } from './types'

export const en: UiStrings = {
  lang: 'en',
  skipToContent: 'Skip to content',
  mainNav: 'Site',
  home: 'Home',
  feeds: { label: 'Subscribe:', atom: 'Atom feed', rss: 'RSS feed' },
  poweredBy: 'Powered by Palabre',
  social: 'Elsewhere',
  list: {
    noPosts: 'Nothing published yet.',
    pagination: 'Pages',
    newer: 'Newer posts',
    older: 'Older posts',
    pageTitle: (page) => `Page ${page}`,
  },
  post: {
    published: 'Published',
    draftDated: 'Draft, dated',
    scheduledFor: 'Scheduled for',
    updated: 'Updated',
    readingTime: { one: '{n} minute read', other: '{n} minutes read' },
    tags: 'Tags',
    share: 'Share',
    shareOn: (network) => `Share on ${network}`,
    shareByEmail: 'Share by email',
    draftPreview: 'Draft preview: readers cannot see this post.',
    scheduledPreview: (date) => `Preview: readers will see this post from ${date}.`,
  },
  tag: {
    title: (tag) => `Posts tagged “${tag}”`,
    count: { one: '{n} post', other: '{n} posts' },
  },
  notFound: {
    title: 'Page not found',
    message: 'There is nothing at this address. It may have moved, or never existed.',
    home: 'Back to the home page',
  },
  error: {
    title: 'Something went wrong',
    message: 'The page could not be shown. Please try again in a moment.',
    home: 'Back to the home page',
  },
  comments: commentsEn,
  admin: adminEn,
  // pages: the site around the posts.
  site: siteEn,
  // Search
  search: searchEn,
  markdown: {
    headingAnchor: (heading) => `Link to the section “${heading}”`,
    footnotes: 'Notes',
    backToReference: (n) => `Back to reference ${n}`,
  },
}
