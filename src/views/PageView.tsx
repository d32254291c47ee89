import { raw } from 'hono/html'
import type { Child } from 'hono/jsx'
import type { PageMeta, SiteConfig } from '../content/types'
import { postLocale, uiStrings } from '../i18n'
import { pagePath } from '../urls'
import { Layout } from './Layout'

export interface PageViewProps {
  site: SiteConfig
  page: PageMeta
  /** The page's rendered markdown (trusted: the author's own HTML). */
  html: string
  /** A draft shown to its author: a banner says so, and search engines are told to skip it. */
  preview?: boolean
  /** The page's discussion (`comments: true`), placed after the article. */
  discussion?: Child
}

/**
 * An author's page (`/about`): a post without date, byline or share bar, in its own language
 * when Palabre has strings for it (as a post's page is).
 */
export function PageView({ site, page, html, preview, discussion }: PageViewProps) {
  const locale = postLocale(page, site)
  const ui = uiStrings(locale)
  const textLang = page.lang && page.lang !== locale ? page.lang : undefined
  return (
    <Layout site={site} lang={locale} title={page.title} description={page.summary} path={pagePath(page.slug)} noindex={preview}>
      <article class="page">
        {preview && (
          <p class="banner" role="status">
            {ui.site.draftPage}
          </p>
        )}
        <header class="post-header">
          <h1 lang={textLang}>{page.title}</h1>
        </header>
        <div class="post-body" lang={textLang}>
          {raw(html)}
        </div>
      </article>
      {discussion}
    </Layout>
  )
}
