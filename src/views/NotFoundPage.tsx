import type { SiteConfig } from '../content/types'
import { DEFAULT_SITE } from '../content/site-defaults'
import { uiStrings } from '../i18n'
import { Layout } from './Layout'

/** The 404 page, in the site's language. `site` is absent when the content index could not be read. */
export function NotFoundPage({ site = DEFAULT_SITE }: { site?: SiteConfig }) {
  const ui = uiStrings(site.language)
  return (
    <Layout site={site} title={ui.notFound.title} noindex>
      <h1>{ui.notFound.title}</h1>
      <p>{ui.notFound.message}</p>
      <p>
        <a href="/">{ui.notFound.home}</a>
      </p>
    </Layout>
  )
}
