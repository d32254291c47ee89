import type { BanRow } from '../../comments/bans-store'
import type { SiteConfig } from '../../content/types'
import { formatCount, formatDateTime, uiStrings, type AdminStrings } from '../../i18n'
import { ADMIN_BANS_PATH, adminLiftBanPath } from '../../urls'
import { AdminLayout } from './AdminLayout'

/** What /admin/bans confirms after a POST (PRG), from its query string. */
export type BanNotice = { done: 'banned' | 'existing' | 'lifted'; n: number } | { done: 'none' }

/** The /admin/bans URL that confirms `notice`. */
export function banNoticePath(notice: BanNotice): string {
  const query = new URLSearchParams({ done: notice.done })
  if ('n' in notice) query.set('n', String(notice.n))
  return `${ADMIN_BANS_PATH}?${query}`
}

/** The notice a /admin/bans query asks for; undefined for anything else. */
export function parseBanNotice(query: { done?: string; n?: string }): BanNotice | undefined {
  const { done, n } = query
  if (done === 'none') return { done }
  if ((done === 'banned' || done === 'existing' || done === 'lifted') && /^\d{1,4}$/.test(n ?? '')) return { done, n: Number(n) }
  return undefined
}

export interface BansPageProps {
  site: SiteConfig
  /** Newest first, each with how many pending comments it sent to spam. */
  bans: { ban: BanRow; moved: number }[]
  notice?: BanNotice
  /** A refused ban form: the message, and the email typed. */
  problem?: { message: string; email?: string }
}

/** The bans, each with a button that lifts it (and restores what it moved), and a form to ban an email. */
export function BansPage({ site, bans, notice, problem }: BansPageProps) {
  const ui = uiStrings(site.language).admin.bans
  return (
    <AdminLayout site={site} title={ui.title} signedIn current="bans">
      {notice && (
        <p class="banner" role="status">
          {noticeText(ui, notice, site.language)}
        </p>
      )}
      <p>{ui.intro}</p>
      <form class="reply" method="post" action={ADMIN_BANS_PATH}>
        <label for="ban-email">{ui.emailLabel}</label>
        <input
          id="ban-email"
          name="email"
          type="email"
          required
          value={problem?.email}
          aria-invalid={problem ? 'true' : undefined}
          aria-describedby={problem ? 'ban-email-error' : undefined}
        />
        {problem && (
          <p id="ban-email-error" class="field-error" role="alert">
            {problem.message}
          </p>
        )}
        <button type="submit">{ui.emailSubmit}</button>
      </form>
      {bans.length === 0 ? (
        <p>{ui.empty}</p>
      ) : (
        <ul class="admin-list">
          {bans.map(({ ban, moved }) => (
            <li>
              <p class="meta">
                {ban.email && <strong>{`${ui.byEmail}: ${ban.email}`}</strong>}
                {ban.ipHmac && <span>{ui.byIp}</span>}
                {ban.commentId !== null && <span>{ui.fromComment(ban.commentId)}</span>}
                <span>{ui.since(formatDateTime(ban.createdAt, site.language, site.timeZone))}</span>
                {moved > 0 && <span>{formatCount(ui.moved, moved, site.language)}</span>}
              </p>
              <form class="actions" method="post" action={adminLiftBanPath(ban.id)} aria-label={ui.liftLabel(ban.id)}>
                <button type="submit">{ui.lift}</button>
              </form>
            </li>
          ))}
        </ul>
      )}
    </AdminLayout>
  )
}

function noticeText(ui: AdminStrings['bans'], notice: BanNotice, locale: string): string {
  if (notice.done === 'none') return ui.done.none
  return formatCount(ui.done[notice.done], notice.n, locale)
}
