import type { SiteConfig } from '../content/types'
import { uiStrings } from '../i18n'
import { ATOM_FEED_PATH, RSS_FEED_PATH } from '../urls'

/**
 * Every page's footer, in the site's language (`lang` marks it when the page's content is in
 * another): the author's `footer` text (else "© <author>"), the feeds, the author's profiles
 * elsewhere as plain links with `rel="me"` (no icons, nothing loaded from their sites), and the
 * engine's credit.
 */
export function SiteFooter({ site, lang }: { site: SiteConfig; lang?: string }) {
  const chrome = uiStrings(site.language)
  return (
    <footer class="site-footer" lang={lang}>
      <div class="wrap">
        <p>
          {site.footer ?? `© ${site.author}`} · {chrome.feeds.label} <a href={ATOM_FEED_PATH}>{chrome.feeds.atom}</a> ·{' '}
          <a href={RSS_FEED_PATH}>{chrome.feeds.rss}</a>
        </p>
        {site.social?.length ? (
          <ul class="social-links" aria-label={chrome.social}>
            {site.social.map((link) => (
              <li>
                <a href={link.url} rel="me">
                  {link.title}
                </a>
              </li>
            ))}
          </ul>
        ) : null}
        <p>{chrome.poweredBy}</p>
      </div>
    </footer>
  )
}
