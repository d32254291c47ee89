import type { SiteConfig } from '../content/types'

export function ErrorPage(_props: { site?: SiteConfig }) {
  return <h1>Something went wrong</h1>
}
