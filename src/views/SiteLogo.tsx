import type { SiteConfig } from '../content/types'

/**
 * The site's logo, inside the home link beside the site's title: decorative there (`alt=""`),
 * since the title already names the link, so screen readers do not say the name twice. Its
 * width and height, read at publish, reserve its box before it loads.
 */
export function SiteLogo({ site }: { site: SiteConfig }) {
  if (!site.logo) return null
  const { src, width, height } = site.logo
  return <img class="site-logo" src={src} alt="" width={width} height={height} />
}
