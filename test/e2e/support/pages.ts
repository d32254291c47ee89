import { inject } from 'vitest'
import type { Features, PalabreUnderTest } from './features'
import { FIXTURE } from '../../fixtures/site'
import { THREAD_SLUG } from './features'

/** One kind of page the blog serves, at a URL that shows it. */
export interface PageType {
  name: string
  path: string
  status: number
  /** The feature the page needs; absent for the reading side, which always exists. */
  needs?: keyof Features
}

/** Every page type a reader or the author meets (the form with errors is built by the tests that need it). */
export const PAGE_TYPES: readonly PageType[] = [
  { name: 'home', path: '/', status: 200 },
  { name: 'post', path: `/posts/${THREAD_SLUG}`, status: 200 },
  { name: 'post-fr', path: `/posts/${encodeURIComponent(FIXTURE.french.slug)}`, status: 200 },
  { name: 'tag', path: '/tags/writing', status: 200 },
  { name: 'page', path: `/${FIXTURE.pages[0].slug}`, status: 200 },
  { name: 'page-discussion', path: `/${FIXTURE.guestbook.slug}`, status: 200 },
  { name: 'archive', path: '/archive', status: 200 },
  { name: 'tags', path: '/tags', status: 200 },
  { name: 'draft-page-preview', path: `/${FIXTURE.draftPage.slug}`, status: 200 },
  { name: 'draft-preview', path: `/posts/${FIXTURE.draft.slug}`, status: 200 },
  { name: 'scheduled-preview', path: `/posts/${FIXTURE.scheduled.slug}`, status: 200 },
  { name: 'not-found', path: '/posts/no-such-post', status: 404 },
  { name: 'search', path: '/search?q=lecteurs', status: 200 },
  { name: 'admin-sign-in', path: '/admin', status: 200, needs: 'admin' },
]

/**
 * The reading pages, the ones the site's look (logo, accent, footer, theme.css) shows on, and the
 * themed fixture's post of highlighted code and an aligned table (axe measures each token colour).
 */
export const THEMED_PAGE_TYPES: readonly PageType[] = [
  ...PAGE_TYPES.filter((type) => !type.needs),
  { name: 'post-code', path: '/posts/code-in-colour', status: 200 },
]

/** The themed instance's origin (test/fixtures/content-themed/), or null where these tests skip. */
export function themedOrigin(): string | null {
  return inject('palabreThemed')
}

/** The server the global setup started, or null when this machine cannot run these tests. */
export function palabre(): PalabreUnderTest | null {
  return inject('palabre')
}

/** The same as `palabre()` inside a test that already skipped when it is null. */
export function server(): PalabreUnderTest {
  const value = inject('palabre')
  if (!value) throw new Error('no Palabre server: the test should have been skipped')
  return value
}
