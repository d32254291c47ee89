import { ADMIN_LOGOUT_PATH, ADMIN_STYLESHEET_PATH } from '../../urls'
import type { Child } from 'hono/jsx'
import type { SiteConfig } from '../../content/types'
import { uiStrings } from '../../i18n'
import { Layout } from '../Layout'
import { AdminNav, type AdminPage } from './AdminNav'

/**
 * The frame of every /admin page: the site's layout, kept out of search engines, with the admin
 * stylesheet and, when signed in, the links between the admin pages and a sign-out button.
 * Uncached (no route here calls `cacheFor`).
 */
export function AdminLayout(props: { site: SiteConfig; title: string; signedIn: boolean; current?: AdminPage; children?: Child }) {
  const ui = uiStrings(props.site.language).admin
  return (
    <Layout site={props.site} title={props.title} noindex head={<link rel="stylesheet" href={ADMIN_STYLESHEET_PATH} />}>
      <div class="admin-bar">
        <h1>{props.title}</h1>
        {props.signedIn && (
          <form method="post" action={ADMIN_LOGOUT_PATH}>
            <button type="submit">{ui.signOut}</button>
          </form>
        )}
      </div>
      {props.signedIn && <AdminNav site={props.site} current={props.current} />}
      {props.children}
    </Layout>
  )
}
