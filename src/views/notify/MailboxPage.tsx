import type { SiteConfig } from '../../content/types'
import { formatDateTime, notifyStrings } from '../../i18n'
import type { MailboxMessage } from '../../notify/mailbox'
import { AdminLayout } from '../admin/AdminLayout'

const URL_PATTERN = /https?:\/\/[^\s<>"']+/g

/**
 * A link of an email as the mailbox page shows it: root-relative when it points at the site, so
 * it works from whatever origin the blog runs on locally (`npm start` with another PORT).
 */
export function localHref(site: SiteConfig, url: string): string {
  const target = new URL(url)
  return target.origin === new URL(site.baseUrl).origin ? `${target.pathname}${target.search}${target.hash}` : url
}

/** The email's plain text with its http(s) URLs as links; everything else is text (escaped by JSX). */
function Linked({ site, text }: { site: SiteConfig; text: string }) {
  const parts: (string | { url: string })[] = []
  let last = 0
  for (const match of text.matchAll(URL_PATTERN)) {
    parts.push(text.slice(last, match.index), { url: match[0] })
    last = match.index + match[0].length
  }
  parts.push(text.slice(last))
  return <>{parts.map((part) => (typeof part === 'string' ? part : <a href={localHref(site, part.url)}>{part.url}</a>))}</>
}

/** The one-click unsubscribe URL of a message (`List-Unsubscribe` with `List-Unsubscribe-Post`), if any. */
function oneClickUrl(message: MailboxMessage): string | undefined {
  if (message.headers['List-Unsubscribe-Post'] !== 'List-Unsubscribe=One-Click') return undefined
  return /^<(https?:\/\/[^>]+)>$/.exec(message.headers['List-Unsubscribe'] ?? '')?.[1]
}

/**
 * /admin/mailbox: every email the local mailbox transport stored, newest first, with working
 * links and, for notices, the one-click unsubscribe POST a mail client would send (RFC 8058).
 */
export function MailboxPage({ site, messages }: { site: SiteConfig; messages: MailboxMessage[] }) {
  const ui = notifyStrings(site.language).mailbox
  return (
    <AdminLayout site={site} title={ui.title} signedIn current="mailbox">
      <p>{ui.intro}</p>
      {messages.length === 0 ? (
        <p>{ui.empty}</p>
      ) : (
        <ul class="admin-list">
          {messages.map((message) => {
            const oneClick = oneClickUrl(message)
            return (
              <li>
                <article class="admin-comment" aria-labelledby={`mail-${message.id}`}>
                  <h2 id={`mail-${message.id}`}>{message.subject}</h2>
                  <p class="meta">
                    <span>{`${ui.to}: ${message.to}`}</span>
                    <span>{`${ui.from}: ${message.from}`}</span>
                    <time datetime={message.createdAt}>{formatDateTime(Date.parse(message.createdAt), site.language, site.timeZone)}</time>
                  </p>
                  <pre class="excerpt">
                    <Linked site={site} text={message.text} />
                  </pre>
                  {oneClick && (
                    <form method="post" action={localHref(site, oneClick)}>
                      <input type="hidden" name="List-Unsubscribe" value="One-Click" />
                      <button type="submit">{ui.oneClick}</button>
                    </form>
                  )}
                  <details>
                    <summary>{ui.headers}</summary>
                    <pre>{Object.entries(message.headers).map(([name, value]) => `${name}: ${value}`).join('\n')}</pre>
                  </details>
                  <details>
                    <summary>{ui.html}</summary>
                    <pre>{message.html}</pre>
                  </details>
                </article>
              </li>
            )
          })}
        </ul>
      )}
    </AdminLayout>
  )
}
