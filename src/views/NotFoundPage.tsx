import type { SiteConfig } from '../content/types'

export function NotFoundPage(_props: { site?: SiteConfig }) {
  return <h1>Not found</h1>
}
