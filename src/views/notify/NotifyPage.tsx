import type { SiteConfig } from '../../content/types'
import { notifyStrings } from '../../i18n'
import { Layout } from '../Layout'

export interface NotifyPageProps {
  site: SiteConfig
  title: string
  /** One paragraph each. */
  messages: string[]
  /** The button that acts (POST to `href`, which carries the signed id and token). */
  action?: { href: string; label: string }
}

/**
 * The confirm and unsubscribe pages, in the site's language: what the link would do and a
 * button (GET never acts: mail scanners prefetch links), or what was done, or why the link does
 * not work. Never cached, never indexed.
 */
export function NotifyPage({ site, title, messages, action }: NotifyPageProps) {
  const ui = notifyStrings(site.language).pages
  return (
    <Layout site={site} title={title} noindex>
      <h1>{title}</h1>
      {messages.map((message) => (
        <p>{message}</p>
      ))}
      {action && (
        <form method="post" action={action.href}>
          <button type="submit">{action.label}</button>
        </form>
      )}
      <p>
        <a href="/">{ui.back}</a>
      </p>
    </Layout>
  )
}
