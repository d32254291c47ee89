import type { SiteConfig } from '../content/types'
import { commentPath } from '../views/comment-urls'
import { absoluteUrl } from '../views/urls'
import type { UnsubscribeScope } from './tokens'

/**
 * Root-relative paths of the notification pages, and the absolute URLs emails carry. The token
 * and the id travel in the query string, so the RFC 8058 one-click POST (whose body is fixed)
 * reaches the same URL as the page's own button.
 */

export const CONFIRM_PATH = '/notify/confirm'
export const UNSUBSCRIBE_PATH = '/notify/unsubscribe'

export function confirmPath(addressId: number, token: string): string {
  return `${CONFIRM_PATH}?${new URLSearchParams({ a: String(addressId), t: token })}`
}

export function unsubscribePath(scope: UnsubscribeScope, token: string): string {
  const [name, id] = 'subscription' in scope ? ['s', scope.subscription] : ['a', scope.address]
  return `${UNSUBSCRIBE_PATH}?${new URLSearchParams([[name, String(id)], ['t', token]])}`
}

/** Absolute URLs for an email (emails are read outside the site). */
export const emailLinks = (site: SiteConfig) => ({
  confirm: (addressId: number, token: string) => absoluteUrl(site, confirmPath(addressId, token)),
  unsubscribe: (scope: UnsubscribeScope, token: string) => absoluteUrl(site, unsubscribePath(scope, token)),
  /** The comment's permalink: it answers 303 to the discussion page that holds it, at its anchor. */
  comment: (slug: string, id: number) => absoluteUrl(site, commentPath(slug, id)),
  admin: () => absoluteUrl(site, '/admin'),
})
