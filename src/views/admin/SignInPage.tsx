import type { SiteConfig } from '../../content/types'
import { uiStrings } from '../../i18n'
import { ADMIN_LOGIN_PATH } from '../../urls'
import { AdminLayout } from './AdminLayout'

/** The sign-in form (the admin token as a password); `failed` after a wrong token. */
export function SignInPage({ site, failed = false }: { site: SiteConfig; failed?: boolean }) {
  const ui = uiStrings(site.language).admin.signIn
  return (
    <AdminLayout site={site} title={ui.title} signedIn={false}>
      <p>{ui.intro}</p>
      <form class="sign-in" method="post" action={ADMIN_LOGIN_PATH}>
        <p>
          <label for="admin-token">{ui.token}</label>
          <input
            type="password"
            id="admin-token"
            name="token"
            autocomplete="current-password"
            required
            aria-invalid={failed ? 'true' : undefined}
            aria-describedby={failed ? 'admin-token-error' : undefined}
          />
        </p>
        {failed && (
          <p id="admin-token-error" class="field-error" role="alert">
            {ui.wrongToken}
          </p>
        )}
        <p>
          <button type="submit">{ui.submit}</button>
        </p>
      </form>
    </AdminLayout>
  )
}
