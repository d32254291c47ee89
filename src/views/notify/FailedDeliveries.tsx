import type { SiteConfig } from '../../content/types'
import { formatDateTime, notifyStrings } from '../../i18n'
import type { OutboxListing } from '../../notify/outbox'
import { adminRetryPath, commentPath, type ThreadAddress } from '../../urls'
import { AdminLayout } from '../admin/AdminLayout'

/**
 * The emails that failed after every attempt, each with its last error and a retry button
 * (a section of the admin pages). `threadOf` gives where a thread key's discussion lives (`threadLink`).
 */
export function FailedDeliveries({ site, failed, threadOf }: { site: SiteConfig; failed: OutboxListing[]; threadOf: (slug: string) => ThreadAddress }) {
  const ui = notifyStrings(site.language).failed
  return (
    <section aria-labelledby="failed-title">
      <h2 id="failed-title">{ui.title}</h2>
      {failed.length === 0 ? (
        <p>{ui.empty}</p>
      ) : (
        <>
          <p>{ui.intro}</p>
          <ul class="admin-list">
            {failed.map((row) => {
              const slug = row.postSlug ?? undefined
              return (
                <li id={`failed-${row.id}`}>
                  <p class="meta">
                    <strong>{ui.kind[row.kind]}</strong>
                    <span>{row.recipient}</span>
                    {slug !== undefined && row.commentId !== null && <a href={commentPath(threadOf(slug), row.commentId)}>{`#${row.commentId}`}</a>}
                    <span>{ui.attempts(row.attempts)}</span>
                    <time datetime={new Date(row.nextAttemptAt).toISOString()}>{formatDateTime(row.nextAttemptAt, site.language, site.timeZone)}</time>
                  </p>
                  {row.lastError && <p class="field-error">{row.lastError}</p>}
                  <form method="post" action={adminRetryPath(row.id)}>
                    <button type="submit">{ui.retry}</button>
                  </form>
                </li>
              )
            })}
          </ul>
        </>
      )}
    </section>
  )
}

/** /admin/notifications: the failed emails on their own page, with a banner after a retry. */
export function FailedDeliveriesPage(props: { site: SiteConfig; failed: OutboxListing[]; retried: boolean; threadOf: (slug: string) => ThreadAddress }) {
  const ui = notifyStrings(props.site.language).failed
  return (
    <AdminLayout site={props.site} title={ui.title} signedIn current="failed">
      {props.retried && (
        <p class="banner" role="status">
          {ui.retried}
        </p>
      )}
      <FailedDeliveries site={props.site} failed={props.failed} threadOf={props.threadOf} />
    </AdminLayout>
  )
}
