import type { Child } from 'hono/jsx'
import type { SiteConfig } from '../../content/types'
import { uiStrings } from '../../i18n'
import { Layout } from '../Layout'

export const ADMIN_STYLESHEET = '/admin/admin.css'

/**
 * The frame of every /admin page: the site's layout, kept out of search engines, with the admin
 * stylesheet and, when signed in, a sign-out button. Uncached (no route here calls `cacheFor`).
 */
export function AdminLayout(props: { site: SiteConfig; title: string; signedIn: boolean; children?: Child }) {
  const ui = uiStrings(props.site.language).admin
  return (
    <Layout site={props.site} title={props.title} noindex head={<link rel="stylesheet" href={ADMIN_STYLESHEET} />}>
      <div class="admin-bar">
        <h1>{props.title}</h1>
        {props.signedIn && (
          <form method="post" action="/admin/logout">
            <button type="submit">{ui.signOut}</button>
          </form>
        )}
      </div>
      {props.children}
    </Layout>
  )
}
