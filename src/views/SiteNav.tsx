import type { MenuLink, SiteConfig } from '../content/types'
import { uiStrings } from '../i18n'
import { ARCHIVE_PATH, TAGS_PATH } from '../urls'

export interface SiteNavProps {
  site: SiteConfig
  /** Root-relative path of the page shown: its link, if any, says `aria-current="page"`. */
  current?: string
}

/**
 * The header navigation: the links the publish tool resolved into `site.menu` (menu pages, then
 * `site.yaml`'s links), then the archive and the tags. A labelled `<nav>` with a plain list, so
 * screen readers announce it and its length, and every link is reachable by Tab; on a narrow
 * screen the list wraps onto more lines, which needs no script.
 */
export function SiteNav({ site, current }: SiteNavProps) {
  const ui = uiStrings(site.language)
  const links: MenuLink[] = [
    ...(site.menu ?? []),
    { title: ui.site.nav.archive, url: ARCHIVE_PATH },
    { title: ui.site.nav.tags, url: TAGS_PATH },
  ]
  return (
    <nav class="site-nav" aria-label={ui.mainNav}>
      <ul>
        {links.map((link) => (
          <li>
            <a href={link.url} aria-current={link.url === current ? 'page' : undefined}>
              {link.title}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}
