import type { SiteConfig } from '../content/types'
import { commentPath } from '../views/comment-urls'
import { absoluteUrl } from '../views/urls'
import type { ConfirmScope, UnsubscribeScope } from './tokens'

/**
 * Root-relative paths of the notification pages, and the absolute URLs emails carry. The token
 * and the id travel in the query string, so the RFC 8058 one-click POST (whose body is fixed)
 * reaches the same URL as the page's own button.
 */

export const CONFIRM_PATH = '/notify/confirm'
export const UNSUBSCRIBE_PATH = '/notify/unsubscribe'

const scopeQuery = (scope: ConfirmScope | UnsubscribeScope): [string, string] =>
  'subscription' in scope ? ['s', String(scope.subscription)] : ['a', String(scope.address)]

export function confirmPath(scope: ConfirmScope, token: string): string {
  return `${CONFIRM_PATH}?${new URLSearchParams([scopeQuery(scope), ['t', token]])}`
}

export function unsubscribePath(scope: UnsubscribeScope, token: string): string {
  return `${UNSUBSCRIBE_PATH}?${new URLSearchParams([scopeQuery(scope), ['t', token]])}`
}

/** Absolute URLs for an email (emails are read outside the site). */
export const emailLinks = (site: SiteConfig) => ({
  confirm: (scope: ConfirmScope, token: string) => absoluteUrl(site, confirmPath(scope, token)),
  unsubscribe: (scope: UnsubscribeScope, token: string) => absoluteUrl(site, unsubscribePath(scope, token)),
  /** The comment's permalink: it answers 303 to the discussion page that holds it, at its anchor. */
  comment: (slug: string, id: number) => absoluteUrl(site, commentPath(slug, id)),
  admin: () => absoluteUrl(site, '/admin'),
})
