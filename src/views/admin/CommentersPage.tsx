import type { CommenterData } from '../../commenters/data'
import type { SiteConfig } from '../../content/types'
import { uiStrings } from '../../i18n'
import { ADMIN_COMMENTERS_ERASE_PATH, ADMIN_COMMENTERS_EXPORT_PATH, ADMIN_COMMENTERS_PATH } from '../../urls'
import { AdminLayout } from './AdminLayout'

export interface CommentersPageProps {
  site: SiteConfig
  /** The address typed, kept in the form (also when it was refused). */
  email?: string
  /** What is stored under it, once looked up. */
  found?: CommenterData
  /** The form's problem with the address. */
  problem?: boolean
  /** How many comments the erasure just made anonymous. */
  erased?: number
}

/**
 * /admin/commenters: look an address up, then export what is stored about it or erase it. Every
 * form posts (the address stays out of URLs and logs), under the admin pages' CSRF check.
 */
export function CommentersPage({ site, email = '', found, problem = false, erased }: CommentersPageProps) {
  const ui = uiStrings(site.language).admin.commenters
  const count = found && found.comments.length + found.subscriptions.length + found.outbox.length + (found.address ? 1 : 0)
  return (
    <AdminLayout site={site} title={ui.title} signedIn current="commenters">
      <p>{ui.intro}</p>
      {erased !== undefined && <p class="banner" role="status">{ui.erased(erased)}</p>}
      <form class="sign-in" method="post" action={ADMIN_COMMENTERS_PATH}>
        <p>
          <label for="commenter-email">{ui.email}</label>
          <input type="email" id="commenter-email" name="email" value={email} required maxlength={254}
            aria-invalid={problem ? 'true' : undefined} aria-describedby={problem ? 'commenter-email-error' : undefined} />
        </p>
        {problem && <p id="commenter-email-error" class="field-error" role="alert">{ui.badEmail}</p>}
        <p>
          <button type="submit">{ui.find}</button>
        </p>
      </form>
      {found && count === 0 && <p role="status">{ui.none(found.email)}</p>}
      {found && count !== 0 && (
        <section aria-labelledby="commenter-found">
          <p id="commenter-found" role="status">{ui.found(found.email, found.comments.length, found.subscriptions.length, found.outbox.length)}</p>
          <ul class="admin-list">
            {found.comments.map((comment) => (
              <li>
                <p class="meta">
                  <strong>{comment.author}</strong> <code>{comment.postSlug}</code> <span class="status">{comment.status}</span> {comment.createdAt}
                </p>
                <p class="excerpt">{comment.body}</p>
              </li>
            ))}
          </ul>
          <form method="post" action={ADMIN_COMMENTERS_EXPORT_PATH}>
            <input type="hidden" name="email" value={found.email} />
            <button type="submit">{ui.export}</button>
          </form>
          <h2>{ui.eraseTitle}</h2>
          <form class="confirm" method="post" action={ADMIN_COMMENTERS_ERASE_PATH}>
            <input type="hidden" name="email" value={found.email} />
            <p>{ui.eraseExplain}</p>
            <p>
              <label><input type="radio" name="text" value="keep" checked /> {ui.keepText}</label>
              <br />
              <label><input type="radio" name="text" value="drop" /> {ui.dropText}</label>
            </p>
            <p class="actions">
              <button type="submit" class="danger">{ui.erase}</button>
            </p>
          </form>
        </section>
      )}
    </AdminLayout>
  )
}
