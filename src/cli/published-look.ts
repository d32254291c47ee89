import { createHash } from 'node:crypto'
import { mediaPath } from '../content/media-refs'
import { stylesheetKey } from '../content/keys'
import type { AccentColours, MediaSize, SiteConfig } from '../content/types'
import { stylesheetPath } from '../urls/paths'

/** The site as the index publishes it, and the stylesheet to store beside it, if any. */
export interface PublishedSite {
  site: SiteConfig
  stylesheet?: { key: string; css: string }
}

/**
 * Adds to the site config what only the publish tool knows: the logo's intrinsic size (from
 * `media`, the sizes read from disk) and, when there is an accent or a `theme.css`, the path of
 * the stylesheet that carries them, named by the hash of its text so that an edit is a new URL
 * no cache can confuse with the old one.
 */
export function publishedSite(site: SiteConfig, theme: string | undefined, media: Record<string, MediaSize> | undefined): PublishedSite {
  const size = site.logo && media?.[mediaPath(site.logo.src) ?? '']
  const published: SiteConfig = { ...site, ...(site.logo && { logo: { src: site.logo.src, ...size } }) }
  const css = buildSiteStylesheet(site.accent, theme)
  if (!css) return { site: published }
  const hash = createHash('sha256').update(css).digest('hex').slice(0, 16)
  return { site: { ...published, stylesheet: stylesheetPath(hash) }, stylesheet: { key: stylesheetKey(hash), css } }
}

/**
 * The site stylesheet, loaded after the built-in one: the accent as the custom properties the
 * built-in rules read (both schemes: a light-mode declaration alone would win in dark mode too),
 * then the author's `theme.css` as written, so it can override anything. Empty when neither.
 */
export function buildSiteStylesheet(accent: AccentColours | undefined, theme: string | undefined): string {
  const parts: string[] = []
  if (accent) {
    parts.push(
      `/* accent: from site.yaml */\n:root{--accent:${accent.light}}\n@media (prefers-color-scheme:dark){:root{--accent:${accent.dark}}}\n`,
    )
  }
  if (theme?.trim()) parts.push(`/* content/theme.css */\n${theme.replace(/^\uFEFF/, '')}${theme.endsWith('\n') ? '' : '\n'}`)
  return parts.join('\n')
}
