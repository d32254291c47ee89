import type { SiteConfig } from '../content/types'
import { DEFAULT_SITE } from '../content/site-defaults'
import { uiStrings } from '../i18n'
import { Layout } from './Layout'

/** The 500 page, in the site's language. `site` is absent when the content index could not be read. */
export function ErrorPage({ site = DEFAULT_SITE }: { site?: SiteConfig }) {
  const ui = uiStrings(site.language)
  return (
    <Layout site={site} title={ui.error.title} noindex>
      <h1>{ui.error.title}</h1>
      <p>{ui.error.message}</p>
      <p>
        <a href="/">{ui.error.home}</a>
      </p>
    </Layout>
  )
}
