import type { SiteConfig } from '../content/types'
import { absoluteUrl, ADMIN_PATH, commentPath, confirmPath, managePath, unsubscribePath, type ThreadAddress } from '../urls'
import type { ConfirmScope, UnsubscribeScope } from './tokens'

/** Absolute URLs for an email (emails are read outside the site); the paths come from src/urls/. */
export const emailLinks = (site: SiteConfig) => ({
  confirm: (scope: ConfirmScope, token: string) => absoluteUrl(site, confirmPath(scope, token)),
  unsubscribe: (scope: UnsubscribeScope, token: string) => absoluteUrl(site, unsubscribePath(scope, token)),
  manage: (addressId: number, token: string) => absoluteUrl(site, managePath(addressId, token)),
  /** The comment's permalink: it answers 303 to the discussion page that holds it, at its anchor. */
  comment: (thread: ThreadAddress, id: number) => absoluteUrl(site, commentPath(thread, id)),
  admin: () => absoluteUrl(site, ADMIN_PATH),
})
