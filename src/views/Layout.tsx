import { raw } from 'hono/html'
import type { Child } from 'hono/jsx'
import type { SiteConfig } from '../content/types'
import { uiStrings } from '../i18n'
import { absoluteUrl, ATOM_FEED_PATH, FAVICON_PATH, RSS_FEED_PATH } from '../urls'
import { headLink } from './head-link'
import { SiteNav } from './SiteNav'
import { SiteFooter } from './SiteFooter'
import { SiteLogo } from './SiteLogo'
import { SearchForm } from './SearchForm'
import { STYLES } from './styles'

export interface LayoutProps {
  site: SiteConfig
  /** Language of the page's content (a post's `lang`); the site's language when absent. */
  lang?: string
  /** The page's own title; the site title is appended. Absent on the home page. */
  title?: string
  description?: string
  /** Root-relative path of the page: its canonical URL. Absent on error pages. */
  path?: string
  /** The card image: root-relative or absolute. */
  image?: string
  type?: 'website' | 'article'
  /** Keeps the page out of search engines (previews, errors). */
  noindex?: boolean
  /** More `<head>` content: article times, JSON-LD. */
  head?: Child
  /** More feeds, after the site's own (autodiscovery takes the first): the site-wide comment feed. */
  feeds?: Child
  children?: Child
}

/**
 * The HTML document around every page: head (title, description, canonical URL, OpenGraph and
 * Twitter card, feeds, favicon, the inline stylesheet), skip link, header (with the site's
 * navigation, `SiteNav`), main and footer.
 * The header and footer speak the site's language; `lang` is the content's.
 */
export function Layout(props: LayoutProps) {
  const { site } = props
  const lang = props.lang ?? site.language
  const chrome = uiStrings(site.language)
  const chromeLang = lang === site.language ? undefined : site.language
  const title = props.title ? `${props.title} – ${site.title}` : site.title
  const description = props.description || site.description
  const url = props.path === undefined ? undefined : absoluteUrl(site, props.path)
  const image = props.image ? absoluteUrl(site, props.image) : undefined
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang={lang}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="color-scheme" content="light dark" />
          <title>{title}</title>
          <meta name="description" content={description} />
          {props.noindex && <meta name="robots" content="noindex" />}
          {url && headLink({ rel: 'canonical', href: url })}
          <meta property="og:type" content={props.type ?? 'website'} />
          <meta property="og:site_name" content={site.title} />
          <meta property="og:title" content={props.title ?? site.title} />
          <meta property="og:description" content={description} />
          {url && <meta property="og:url" content={url} />}
          {image && <meta property="og:image" content={image} />}
          <meta name="twitter:card" content={image ? 'summary_large_image' : 'summary'} />
          <meta name="twitter:title" content={props.title ?? site.title} />
          <meta name="twitter:description" content={description} />
          {image && <meta name="twitter:image" content={image} />}
          {props.head}
          {headLink({ rel: 'alternate', type: 'application/atom+xml', href: ATOM_FEED_PATH, title: `${site.title} (Atom)` })}
          {headLink({ rel: 'alternate', type: 'application/rss+xml', href: RSS_FEED_PATH, title: `${site.title} (RSS)` })}
          {props.feeds}
          {headLink({ rel: 'icon', href: FAVICON_PATH, type: 'image/svg+xml' })}
          <style dangerouslySetInnerHTML={{ __html: STYLES }} />
          {site.stylesheet && <link rel="stylesheet" href={site.stylesheet} />}
        </head>
        <body>
          <a class="skip" href="#main" lang={chromeLang}>
            {chrome.skipToContent}
          </a>
          <header class="site-header" lang={chromeLang}>
            <div class="wrap">
              <p class="site-title">
                <a href="/" rel="home">
                  <SiteLogo site={site} />
                  {site.title}
                </a>
              </p>
              <p class="site-description">{site.description}</p>
              <SiteNav site={site} current={props.path} />
              <SearchForm ui={chrome} id="site-search-q" compact />
            </div>
          </header>
          <main id="main" class="wrap" tabindex={-1}>
            {props.children}
          </main>
          <SiteFooter site={site} lang={chromeLang} />
        </body>
      </html>
    </>
  )
}
