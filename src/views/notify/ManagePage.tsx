import type { SiteConfig } from '../../content/types'
import { notifyStrings } from '../../i18n'
import { Layout } from '../Layout'

export interface ManageItem {
  /** The subscription's id: the value of its button. */
  id: number
  label: string
  /** Not confirmed yet: nothing is sent for it. */
  waiting: boolean
}

export interface ManagePageProps {
  site: SiteConfig
  /** What was done, or what to fix, above the list. */
  message?: string
  items: ManageItem[]
  /** Where the buttons POST: the link's own URL, which carries the address and its signed token. */
  action: string
}

/**
 * What an address follows, one button per item and one to stop everything, in the site's
 * language. One form: each button sends its own `stop` value. GET never acts (mail scanners
 * prefetch links); never cached, never indexed.
 */
export function ManagePage({ site, message, items, action }: ManagePageProps) {
  const ui = notifyStrings(site.language).pages
  const t = ui.manage
  return (
    <Layout site={site} title={t.title} noindex>
      <h1>{t.title}</h1>
      {message && (
        <p class="notice" role="status">
          {message}
        </p>
      )}
      <p>{items.length > 0 ? t.intro(site.title) : t.empty}</p>
      {items.length > 0 && (
        <form method="post" action={action} class="subscriptions">
          <ul>
            {items.map((item) => (
              <li>
                {item.label}
                {item.waiting && ` ${t.waiting}`}{' '}
                <button type="submit" name="stop" value={String(item.id)} class="secondary" aria-label={t.stopLabel(item.label)}>
                  {t.stop}
                </button>
              </li>
            ))}
          </ul>
          <p>
            <button type="submit" name="stop" value="all" class="danger">
              {t.stopAll}
            </button>
          </p>
        </form>
      )}
      <p>
        <a href="/">{ui.back}</a>
      </p>
    </Layout>
  )
}
