import type { SiteConfig } from './types'

/** Defaults for every optional key of `content/site.yaml`; also the site before any publish. */
export const DEFAULT_SITE: SiteConfig = {
  title: 'Palabre',
  description: 'A blog.',
  author: 'The author',
  language: 'en',
  timeZone: 'UTC',
  baseUrl: 'http://localhost:8787',
  postsPerPage: 10,
  cacheMaxAge: 3600,
  comments: { moderation: 'first-time', maxDepth: 5, threadsPerPage: 50, maxLinks: 3, avatars: true },
  email: { from: 'Palabre <blog@localhost>' },
}
