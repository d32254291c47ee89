import { mediaPath } from '../content/media-refs'
import type { SiteConfig } from '../content/types'
import type { ContentFiles } from './content-files'

/** Past this, `theme.css` is refused: it is fetched before every first page a reader sees. */
export const MAX_THEME_BYTES = 256 * 1024

/**
 * Problems of the look's files, each `<file>: <field>: <what to fix>`: a `logo` that is not a
 * file of `content/media/`, a `theme.css` too large to send with every first visit.
 */
export function lookProblems(site: SiteConfig, files: Pick<ContentFiles, 'site' | 'media' | 'theme'>): string[] {
  const problems: string[] = []
  const logo = site.logo && mediaPath(site.logo.src)
  if (logo && !files.media.includes(logo))
    problems.push(`${files.site?.path ?? 'site.yaml'}: logo: ${JSON.stringify(site.logo!.src)} is not a file in content/media/ (add the file or fix the path)`)
  const bytes = files.theme ? new TextEncoder().encode(files.theme.text).length : 0
  if (files.theme && bytes > MAX_THEME_BYTES)
    problems.push(`${files.theme.path}: is ${Math.ceil(bytes / 1024)} KiB; a theme may have at most ${MAX_THEME_BYTES / 1024} KiB (move images and fonts to content/media/ and refer to them with url(/media/…))`)
  return problems
}
