import type { SiteConfig } from '../../content/types'
import { uiStrings } from '../../i18n'
import {
  ADMIN_BANS_PATH,
  ADMIN_COMMENTERS_PATH,
  ADMIN_DRAFTS_PATH,
  ADMIN_MAILBOX_PATH,
  ADMIN_NOTIFICATIONS_PATH,
  ADMIN_PATH,
  ADMIN_RECENT_PATH,
} from '../../urls'

/** The admin pages a signed-in author moves between; `recent` is a section of the dashboard. */
export type AdminPage = 'queue' | 'failed' | 'mailbox' | 'drafts' | 'bans' | 'commenters'

/** Where each link of the admin navigation goes, in its order. */
export const ADMIN_LINKS = [
  { page: 'queue', href: ADMIN_PATH },
  { page: 'recent', href: ADMIN_RECENT_PATH },
  { page: 'failed', href: ADMIN_NOTIFICATIONS_PATH },
  { page: 'mailbox', href: ADMIN_MAILBOX_PATH },
  { page: 'drafts', href: ADMIN_DRAFTS_PATH },
  { page: 'bans', href: ADMIN_BANS_PATH },
  { page: 'commenters', href: ADMIN_COMMENTERS_PATH },
] as const

/** The links between the admin pages, the current one marked for assistive technology. */
export function AdminNav({ site, current }: { site: SiteConfig; current?: AdminPage }) {
  const ui = uiStrings(site.language).admin.nav
  return (
    <nav class="admin-nav" aria-label={ui.label}>
      <ul>
        {ADMIN_LINKS.map((link) => (
          <li>
            <a href={link.href} aria-current={link.page === current ? 'page' : undefined}>
              {ui[link.page]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}
